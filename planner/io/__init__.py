"""Import/export formats (plan CSV, the week report; later PDF, iCalendar, backups). No Qt."""
