"""The compiled part of the package: the routing's inner loops (app/layout/routing/_kernels.pyx). Everything else
is declared in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(ext_modules=cythonize([Extension("app.layout.routing._kernels", ["app/layout/routing/_kernels.pyx"],
                                       extra_compile_args=["-O3"], extra_link_args=["-s"])],
                            compiler_directives={"language_level": "3"},
                            # The C it makes stays out of the package (and so out of the wheel).
                            build_dir="build/cython"))
