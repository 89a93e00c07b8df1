-- Reserved: replaced by the branch that owns migration 002.
SELECT 1;
