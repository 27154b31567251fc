"""Example data: the Gävleborg ASF insats 2016–2020 as its final report records it."""

from app.demo.gavleborg import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
