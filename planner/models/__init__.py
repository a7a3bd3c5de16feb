"""Thin Qt item models over the services, and the drag-and-drop MIME format."""
