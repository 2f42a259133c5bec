"""Sign-up, log-in and first-teacher setup forms."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from quizapp import passwords

EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="Enter an e-mail address, like name@example.org.")


class SignupForm(FlaskForm):
    name = StringField("Your name", validators=[
        DataRequired("Enter your name."), Length(max=100, message="Keep your name under 100 characters.")],
        render_kw={"autocomplete": "name"})
    email = EmailField("E-mail address", validators=[
        DataRequired("Enter your e-mail address."), Length(max=254), EMAIL],
        render_kw={"autocomplete": "email", "spellcheck": "false"})
    password = PasswordField("Password", validators=[DataRequired("Choose a password.")],
                             description=passwords.HINT,
                             render_kw={"autocomplete": "new-password", "minlength": passwords.MIN_LENGTH,
                                        "maxlength": passwords.MAX_LENGTH})
    confirm = PasswordField("Password again", validators=[
        DataRequired("Type the password again."), EqualTo("password", message="The two passwords differ.")],
        render_kw={"autocomplete": "new-password"})

    def validate_password(self, field):
        """The password policy (quizapp.passwords): length, common passwords, the user's own name."""
        found = passwords.problems(field.data or "", self.email.data or "", self.name.data or "")
        if found:
            raise ValidationError(" ".join(found))


class SetupForm(SignupForm):
    """The first teacher's account, from the one-time link."""


class LoginForm(FlaskForm):
    email = EmailField("E-mail address", validators=[DataRequired("Enter your e-mail address."), Length(max=254)],
                       render_kw={"autocomplete": "username", "spellcheck": "false"})
    password = PasswordField("Password", validators=[DataRequired("Enter your password."),
                                                     Length(max=passwords.MAX_LENGTH)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField("Keep me signed in on this device")
