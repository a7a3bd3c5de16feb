"""The week calendar: seven day columns of session cards."""
