"""Questions that are never drawn into one attempt with a question: one gives the other away
(the bank's "excludes", written by the generator).

Revision ID: e5c2a9f4b871
Revises: b3e9c1d7a5f2
Create Date: 2026-12-02 16:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5c2a9f4b871'
down_revision = 'b3e9c1d7a5f2'
branch_labels = None
depends_on = None


# A plain ADD COLUMN, not a batch rebuild: on SQLite a rebuilt questions table would lose the bank
# stamp's triggers (b3e9c1d7a5f2).
def upgrade():
    op.add_column('questions', sa.Column('excludes', sa.JSON(), nullable=True))


def downgrade():
    op.drop_column('questions', 'excludes')
