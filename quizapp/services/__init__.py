"""Use cases. Service functions change the session and flush; the caller commits."""
