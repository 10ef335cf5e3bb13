package usage

import (
	"fmt"
	"strings"
)

// Selector picks the principal whose usage to analyse. The zero Selector
// matches every principal.
type Selector struct {
	kind PrincipalKind
	// partition and account are "" when the selector does not name them.
	partition string
	account   string
	name      string
}

// ParseSelector parses a principal as users name it: a role or user ARN
// ("arn:aws:iam::123456789012:role/path/app"), an assumed-role session ARN
// (which selects its role), a root ARN, or "role/app", "user/alice" with or
// without a path. Matching ignores the path: IAM names are unique in an
// account whatever the path, and sessions do not carry it.
func ParseSelector(s string) (Selector, error) {
	if s == "" {
		return Selector{}, fmt.Errorf("parse principal: empty")
	}
	var sel Selector
	res := s
	if strings.HasPrefix(s, "arn:") {
		svc := arnField(s, 2)
		sel.partition = arnField(s, 1)
		sel.account = arnAccount(s)
		res = resourcePart(s)
		if res == "root" && svc == "iam" {
			sel.kind, sel.name = Root, "root"
			return sel, nil
		}
		switch {
		case svc == "sts" && strings.HasPrefix(res, "assumed-role/"):
			name, _, _ := strings.Cut(strings.TrimPrefix(res, "assumed-role/"), "/")
			sel.kind, sel.name = Role, name
			if name == "" {
				return Selector{}, fmt.Errorf("parse principal %q: no role name", s)
			}
			return sel, nil
		case svc != "iam":
			return Selector{}, fmt.Errorf("parse principal %q: not an IAM user or role ARN", s)
		}
	}
	kind, path, ok := strings.Cut(res, "/")
	switch kind {
	case "role":
		sel.kind = Role
	case "user":
		sel.kind = User
	default:
		ok = false
	}
	sel.name = path[strings.LastIndexByte(path, '/')+1:]
	if !ok || sel.name == "" {
		return Selector{}, fmt.Errorf("parse principal %q: want a role or user ARN, role/NAME or user/NAME", s)
	}
	return sel, nil
}

// IsZero reports whether the selector matches every principal.
func (s Selector) IsZero() bool { return s.kind == 0 }

// Match reports whether p is the selected principal.
func (s Selector) Match(p Principal) bool {
	if s.kind == 0 {
		return true
	}
	if p.Kind != s.kind || !strings.EqualFold(p.Name, s.name) {
		return false
	}
	if s.account != "" && p.Account != s.account {
		return false
	}
	return s.partition == "" || p.ARN == "" || arnPartition(p.ARN) == s.partition
}

func (s Selector) String() string {
	switch {
	case s.kind == 0:
		return "*"
	case s.kind == Root:
		return "arn:" + s.partition + ":iam::" + s.account + ":root"
	case s.account != "":
		return "arn:" + s.partition + ":iam::" + s.account + ":" + s.kind.String() + "/" + s.name
	}
	return s.kind.String() + "/" + s.name
}
