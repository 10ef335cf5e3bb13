package ssm

import "testing"

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"db_password":        true,
		"/app/prod/API_KEY":  true,
		"github.token":       true,
		"dbPassword":         true,
		"private-key":        true,
		"/svc/credentials":   true,
		"passwordless-login": false,
		"tokenizer":          false,
		"/app/prod/db_host":  false,
		"keyspace":           false,
	} {
		if got := secretName.MatchString(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v", name, got, want)
		}
	}
}
