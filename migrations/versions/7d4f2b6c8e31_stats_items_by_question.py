"""Covering index of attempt items by question (with the attempt and slot), so the statistics
of a document, a section or a page of the bank read only an index, never the large rows
(an attempt item's row holds the drawn question's snapshot).

Revision ID: 7d4f2b6c8e31
Revises: 5e1a7c3d9b20
Create Date: 2026-11-22 08:05:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '7d4f2b6c8e31'
down_revision = '5e1a7c3d9b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt_items', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_items_question_stats', ['question_id', 'attempt_id', 'slot'], unique=False)


def downgrade():
    with op.batch_alter_table('attempt_items', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_items_question_stats')
