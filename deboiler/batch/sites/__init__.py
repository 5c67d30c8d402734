"""`deboiler batch --learn-sites`: learn each site's template from the batch itself, then clean with it.

Pass 1 (survey) streams the inputs once and keeps, per site, a bounded sample of its pages (keys:
the URL's host, or for a record without one, the recurring chrome lines it shares with others).
Each site with enough pages is learned by `deboiler learn`'s own induction (induce), checked against
the built-ins and the unknown-site path on its sample, and written as a platform file before pass 2
begins (store). Pass 2 is the batch's usual run, whose workers clean each record with its site's
learned template, falling back to the usual path where that leaves no description (choose).
"""
