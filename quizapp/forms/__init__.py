"""WTForms (Flask-WTF) forms: validation lives here, views stay thin."""
