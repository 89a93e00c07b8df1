-- Reserved: replaced by the branch that owns migration 003.
SELECT 1;
