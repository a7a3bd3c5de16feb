"""Qt widgets: main window, calendar, library, charts, dialogs, printing."""
