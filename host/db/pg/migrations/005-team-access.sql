-- Reserved: replaced by the branch that owns migration 005 (team access).
SELECT 1;
