"""The bank stamp: one row whose random stamp changes, in the same transaction, with every
INSERT, UPDATE or DELETE of a question (database triggers), so that each app process can keep
the question pools it draws from and know, from one value read with the quiz, when they change.

PostgreSQL: a deferred constraint trigger, so a writer of questions locks the stamp's row only
while it commits (two long transactions writing questions cannot deadlock on it), and one write
of the row per transaction (``txid``). SQLite: row triggers (SQLite has one writer at a time).
The triggers upsert the row, so they also recreate it if it was deleted.

Revision ID: b3e9c1d7a5f2
Revises: a7d4e2f19c3b
Create Date: 2026-12-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3e9c1d7a5f2'
down_revision = 'a7d4e2f19c3b'
branch_labels = None
depends_on = None

SQLITE_EVENTS = ("insert", "update", "delete")
SQLITE_TRIGGER = """
CREATE TRIGGER bank_stamp_on_question_{event} AFTER {EVENT} ON questions
BEGIN
  INSERT INTO bank_stamp (id, stamp) VALUES (1, lower(hex(randomblob(16))))
  ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
END
"""

POSTGRES_FUNCTION = """
CREATE FUNCTION bank_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bank_stamp (id, stamp, txid)
  VALUES (1, md5(random()::text || clock_timestamp()::text || txid_current()::text), txid_current())
  ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, txid = excluded.txid
  WHERE bank_stamp.txid IS DISTINCT FROM excluded.txid;
  RETURN NULL;
END $$
"""
POSTGRES_TRIGGER = """
CREATE CONSTRAINT TRIGGER bank_stamp_on_question AFTER INSERT OR UPDATE OR DELETE ON questions
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bank_stamp_bump()
"""


def upgrade():
    op.create_table('bank_stamp',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stamp', sa.String(length=32), nullable=False),
    sa.Column('txid', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bank_stamp'))
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("INSERT INTO bank_stamp (id, stamp) VALUES (1, md5(random()::text || clock_timestamp()::text))")
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    elif dialect == "sqlite":
        op.execute("INSERT INTO bank_stamp (id, stamp) VALUES (1, lower(hex(randomblob(16))))")
        for event in SQLITE_EVENTS:
            op.execute(SQLITE_TRIGGER.format(event=event, EVENT=event.upper()))
    else:
        raise NotImplementedError(f"the bank stamp needs triggers written for {dialect}")


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS bank_stamp_on_question ON questions")
        op.execute("DROP FUNCTION IF EXISTS bank_stamp_bump()")
    elif dialect == "sqlite":
        for event in SQLITE_EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS bank_stamp_on_question_{event}")
    op.drop_table('bank_stamp')
