"""What deboiler knows about platforms: platform files loaded into a Catalog (platforms), their phrases
with slots compiled into bounded patterns (phrases), and the CLDR date, number and duration formats the
slots read (formats). The data itself lives in deboiler/platforms/<id>/."""
