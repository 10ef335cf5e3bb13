package usage

import (
	"testing"
)

func TestSelector(t *testing.T) {
	role := Principal{Kind: Role, ARN: "arn:aws:iam::111122223333:role/service-role/App", Account: "111122223333", Name: "App"}
	pathless := Principal{Kind: Role, ARN: "arn:aws:iam::111122223333:role/App", Account: "111122223333", Name: "App"}
	other := Principal{Kind: Role, ARN: "arn:aws:iam::444455556666:role/App", Account: "444455556666", Name: "App"}
	user := Principal{Kind: User, ARN: "arn:aws:iam::111122223333:user/App", Account: "111122223333", Name: "App"}
	root := Principal{Kind: Root, ARN: "arn:aws:iam::111122223333:root", Account: "111122223333", Name: "root"}
	tests := []struct {
		in      string
		matches []Principal
		misses  []Principal
		str     string
	}{
		{in: "role/App", matches: []Principal{role, pathless, other}, misses: []Principal{user, root}, str: "role/App"},
		{in: "role/service-role/app", matches: []Principal{role, pathless, other}, misses: []Principal{user}, str: "role/app"},
		{in: "arn:aws:iam::111122223333:role/App", matches: []Principal{role, pathless}, misses: []Principal{other, user}, str: "arn:aws:iam::111122223333:role/App"},
		{in: "arn:aws:iam::111122223333:role/other-path/App", matches: []Principal{role}, misses: []Principal{other}},
		{in: "arn:aws-cn:iam::111122223333:role/App", misses: []Principal{role}},
		{in: "arn:aws:sts::111122223333:assumed-role/App/session-1", matches: []Principal{role}, misses: []Principal{other, user}},
		{in: "user/App", matches: []Principal{user}, misses: []Principal{role}, str: "user/App"},
		{in: "arn:aws:iam::111122223333:root", matches: []Principal{root}, misses: []Principal{role, user}, str: "arn:aws:iam::111122223333:root"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			sel, err := ParseSelector(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.matches {
				if !sel.Match(p) {
					t.Errorf("does not match %s", p.ARN)
				}
			}
			for _, p := range tt.misses {
				if sel.Match(p) {
					t.Errorf("matches %s", p.ARN)
				}
			}
			if tt.str != "" && sel.String() != tt.str {
				t.Errorf("String() = %q, want %q", sel.String(), tt.str)
			}
		})
	}
}

func TestParseSelectorErrors(t *testing.T) {
	for _, in := range []string{"", "app", "group/ops", "role/", "arn:aws:s3:::bucket", "arn:aws:iam::1:policy/p", "arn:aws:sts::1:assumed-role/"} {
		if _, err := ParseSelector(in); err == nil {
			t.Errorf("ParseSelector(%q) succeeded, want an error", in)
		}
	}
}

func TestZeroSelector(t *testing.T) {
	var sel Selector
	if !sel.IsZero() || !sel.Match(Principal{Kind: Service, Name: "x"}) || sel.String() != "*" {
		t.Error("zero selector must match everything")
	}
}
