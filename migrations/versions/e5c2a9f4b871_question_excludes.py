"""Questions that are never drawn into one attempt with a question: one gives the other away
(the bank's "excludes", written by the generator).

Revision ID: e5c2a9f4b871
Revises: a7d4e2f19c3b
Create Date: 2026-12-02 16:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5c2a9f4b871'
down_revision = 'a7d4e2f19c3b'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('excludes', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_column('excludes')
