"""The charts of the window, drawn with Qt's own painter (QtCharts is deprecated since
Qt 6.10). Imported only when a chart is first shown, so start-up does not grow."""
