"""One blueprint per audience: public pages, accounts, students (teachers come later)."""
