"""Which packages the distribution holds; everything else about it is in pyproject.toml.

Listed here because pyproject's `packages.find` cannot map a folder outside `planner/`: the
top-level `resources/` folder ships inside the package as `planner._resources`, so a wheel
installed anywhere finds its icons, library and exercise list.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["planner*"]), "planner._resources", "planner._resources.icons"],
    package_dir={"planner._resources": "resources"},
    package_data={"planner": ["py.typed"], "planner._resources": ["*.json"], "planner._resources.icons": ["*.svg"]},
)
