package secret

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLQ", AWSAccessKeyID},
		{"anything", "prefix AKIAIOSFODNN7EXAMPLQ suffix", AWSAccessKeyID},
		{"AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKQ", AWSSecretAccessKey},
		{"TLS_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", PrivateKey},
		{"GH", "ghp_0123456789abcdefghijABCDEFGHIJ012345", GitHubToken},
		{"DB_PASSWORD", "Tr0ub4dor&3x", Password},
		{"dbPassword", "Tr0ub4dor&3x", Password},
		{"API_TOKEN", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", Token},
		{"CLIENT_SECRET", "q8Zr2LmX9vT4kP7wN3sY6bJ1", Token},
		{"DB_PASSWORD", "changeme", ""},
		{"DB_PASSWORD", "short", ""},
		{"DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", ""},
		{"DB_PASSWORD_PARAM", "/prod/db/password", ""},
		{"SECRET_NAME", "prod/api/key", ""},
		{"TOKEN_URL", "https://auth.example.com/oauth2/token", ""},
		{"API_TOKEN", "not a token at all", ""},
		{"API_TOKEN", "abcdefghijklmnopqrstuvwxyz", ""},
		{"LOG_LEVEL", "q8Zr2LmX9vT4kP7wN3sY6bJ1", ""},
		{"SECRET_ROTATION_DAYS", "30", ""},

		// The rules user data assignments used before the detectors merged.
		{"DB_PASSWORD", "hunter2hunter2", Password},
		{"MYSQL_PWD", "s3cr3tpass", Password},
		{"admin_password", "Tr0ub4dor-and-3", Password},
		{"api_key", "abcd1234efgh", Token},
		{"GITHUB_TOKEN", "ghp_abcdefgh", Token},
		{"DB_PASSWORD", "$(aws ssm get-parameter --name db)", ""},
		{"TOKEN", "${token}", ""},
		{"TOKEN", "$TOKEN_FROM_ENV", ""},
		{"password_file", "/run/secrets/db", ""},
		{"http_tokens", "required", ""},
		{"secret_name", "app/db", ""},
		{"PASSWORD_POLICY", "Xk9mP2vLq8", ""},

		// Unified exclusions.
		{"AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", ""},
		{"AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""},
		{"DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}", ""},
		{"DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", ""},
		{"API_TOKEN", "********************", ""},
		{"DB_PASSWORD", "<your-password>", ""},
		{"SECRET_STORE", "aws-secrets-manager", ""},
		{"DB_PASSWORD", "aaaaaaaaaaaa", ""},
	}
	for _, tt := range tests {
		if got := Classify(tt.name, tt.value); got != tt.want {
			t.Errorf("Classify(%q, <value>) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
