package secret

import (
	"strings"
	"testing"
)

var kinds = map[string]bool{
	AWSAccessKeyID: true, AWSSecretAccessKey: true, PrivateKey: true, GitHubToken: true,
	SlackToken: true, StripeKey: true, Password: true, Token: true,
}

// FuzzScan checks that Scan accepts any text and returns known kinds on real
// lines, in line order, each kind once per line, and that a private key's
// body is never reported.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIA4HKQ7ZP2WQ3XB5NM\n",
		"aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\n",
		"-----BEGIN OPENSSH PRIVATE KEY-----\npassword=notreallyakeyline\n-----END OPENSSH PRIVATE KEY-----\n",
		"DB_PASSWORD='hunter2hunter2'\napi_key: abcd1234efgh\nGITHUB_TOKEN=ghp_abcdefgh\n",
		"password: \"{{resolve:secretsmanager:prod/db:SecretString:password}}\"\n",
		"{\"password\": \"Xk9#mP2vL!\", \"token\": 'q8Zr2LmX9vT4kP7wN3sY6bJ1'}\r\n",
		"xoxb-0123456789-abcdef sk_live_0123456789abcdefghij",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		inKey := false
		body := make([]bool, len(lines))
		for i, l := range lines {
			if inKey {
				body[i] = true
				inKey = !strings.Contains(l, "-----END ")
				continue
			}
			if loc := privateKeyBegin.FindStringIndex(l); loc != nil {
				inKey = !strings.Contains(l[loc[1]:], "-----END ")
			}
		}
		seen := map[Match]bool{}
		prev := 1
		for _, m := range Scan(text) {
			switch {
			case !kinds[m.Kind]:
				t.Fatalf("unknown kind %q", m.Kind)
			case m.Line < prev || m.Line > len(lines):
				t.Fatalf("line %d out of order or range (previous %d, %d lines)", m.Line, prev, len(lines))
			case seen[m]:
				t.Fatalf("%s reported twice on line %d", m.Kind, m.Line)
			case body[m.Line-1]:
				t.Fatalf("%s reported in a private key's body on line %d", m.Kind, m.Line)
			}
			seen[m] = true
			prev = m.Line
		}
	})
}
