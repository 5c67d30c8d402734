"""Builds deboiler's one compiled module, the HTML renderer (deboiler/stages/_html_render.pyx).

Everything else is in pyproject.toml. The module is optional at build time: without a C compiler the
install still succeeds and html_blocks falls back to its pure-Python renderer, which gives the same
lines more slowly (tests/stages/test_html_render.py fails loudly when the compiled one is missing).
"""

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "deboiler.stages._html_render",
                ["deboiler/stages/_html_render.pyx"],
                include_dirs=lxml.get_include(),
                optional=True,
            )
        ],
        compiler_directives={"language_level": "3"},
        quiet=True,
    )
)
