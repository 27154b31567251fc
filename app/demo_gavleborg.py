"""`build_demo(path)`: a new database holding the Gävleborg ASF insats 2016–2020.

The data is in app/demo/gavleborg_data.py, the builder in app/demo/gavleborg.py.
"""

from app.demo.gavleborg import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
