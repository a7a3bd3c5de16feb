"""Workouts for a watch: structured runs and lifts as FIT workout files, and back again.

`lift_steps` turns a lift's sets into steps (the FIT SDK's strength-training steps), `fit_write`
writes a session's steps with fit-tool, `fit_read` reads a FIT workout file back with fitdecode,
and `files` names the files and finds a Garmin watch mounted as a USB drive.
"""
