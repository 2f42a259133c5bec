"""Covering indexes for the statistics: attempt items by attempt with their question, and
responses by attempt and slot with their score, so the item analysis reads only indexes
(an attempt item's row holds the drawn question's snapshot, which is large).

Revision ID: 5e1a7c3d9b20
Revises: cb00332f70e6
Create Date: 2026-11-22 06:35:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '5e1a7c3d9b20'
down_revision = 'cb00332f70e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt_items', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_items_stats', ['attempt_id', 'slot', 'question_id'], unique=False)
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index('ix_responses_stats', ['attempt_id', 'slot', 'score'], unique=False)


def downgrade():
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_stats')
    with op.batch_alter_table('attempt_items', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_items_stats')
