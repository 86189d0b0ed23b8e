package store

import "testing"

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE b = ? AND c IN (?, ?) LIMIT ?`, `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3) LIMIT $4`},
		{`SELECT '?' || "a?b" FROM t WHERE x = ?`, `SELECT '?' || "a?b" FROM t WHERE x = $1`},
	}
	for _, tt := range tests {
		if got := rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPgSchema(t *testing.T) {
	got := pgSchema("CREATE TABLE t (a INTEGER NOT NULL, integers TEXT, b INTEGER)")
	want := "CREATE TABLE t (a BIGINT NOT NULL, integers TEXT, b BIGINT)"
	if got != want {
		t.Errorf("pgSchema = %q, want %q", got, want)
	}
}

func TestRedactDSN(t *testing.T) {
	got := redactDSN("postgres://refeed:s3cret@db.example/refeed?sslmode=require")
	if got != "postgres://refeed:xxxxx@db.example/refeed?sslmode=require" {
		t.Errorf("redactDSN = %q", got)
	}
}
