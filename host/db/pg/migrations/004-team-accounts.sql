-- Reserved: replaced by the branch that owns migration 004.
SELECT 1;
