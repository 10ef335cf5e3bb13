package catalog

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Level is an action's access level as AWS classifies it.
type Level uint8

// The access levels. An action AWS lists as both Write and Tagging, or Write
// and Permissions management, has the more specific level.
const (
	List Level = iota + 1
	Read
	Write
	PermissionsManagement
	Tagging
)

var levelNames = [...]string{List: "List", Read: "Read", Write: "Write", PermissionsManagement: "Permissions management", Tagging: "Tagging"}

// String returns the level as AWS spells it: "Permissions management".
func (l Level) String() string {
	if l < List || l > Tagging {
		return fmt.Sprintf("Level(%d)", uint8(l))
	}
	return levelNames[l]
}

// Action is one IAM action of one service.
type Action struct {
	ID            int    // dense index into Catalog.Actions(); the bit in a Set
	Service       string // service prefix, lower case: "s3"
	Name          string // as AWS spells it: "GetObject"
	Level         Level
	Resources     []ResourceRef // resource types the action takes; empty means only "*"
	ConditionKeys []string      // action-level condition keys as AWS spells them

	full string // "s3:GetObject"; Service and Name are substrings of it
}

// String returns the action as policies write it: "s3:GetObject".
func (a *Action) String() string { return a.full }

// ResourceRef is a resource type an action takes.
type ResourceRef struct {
	Type     *ResourceType
	Required bool
	// ConditionKeys are the keys that apply when the action is used on this
	// resource type, as AWS spells them.
	ConditionKeys []string
}

// ResourceType is a kind of resource of a service, with the ARN pattern AWS
// documents for it.
type ResourceType struct {
	Service, Name string
	// ARN is the pattern: "arn:${Partition}:s3:::${BucketName}/${ObjectName}".
	// A few types have several, separated by ", ".
	ARN           string
	ConditionKeys []string

	patterns []arnPattern
}

// ConditionKey is a condition key and its data type.
type ConditionKey struct {
	Name string // as AWS spells it: "aws:RequestTag/${TagKey}"
	Type string // as the data says: "String", "ArrayOfString", "ARN", "Bool", "Date", "Numeric", "IPAddress", ...
	// Global is set for the keys any policy may use whatever its actions:
	// AWS global condition keys and the cross-service keys AWS documents
	// with them (ec2:SourceInstanceARN, lambda:SourceFunctionArn, ...).
	Global bool
}

// Service is one AWS service's IAM vocabulary.
type Service struct {
	Prefix, Name  string
	Actions       []*Action // sorted by lower-case name; their IDs are consecutive
	ResourceTypes []*ResourceType
	ConditionKeys []*ConditionKey
}

// Catalog is the decoded catalogue. Its values are shared and must not be
// modified.
type Catalog struct {
	services  []*Service // sorted by prefix
	actions   []*Action  // by ID: by service, then lower-case name
	keys      map[string]*ConditionKey
	templates []template // keys with ${...} parts, most specific first
	all       Set
	policies  func() *policies
}

var (
	//go:embed data/catalog.txt.gz
	catalogData []byte
	//go:embed data/managed-policies.txt.gz
	policyData []byte
)

var load = sync.OnceValue(func() *Catalog {
	c, err := decode(catalogData, policyData)
	if err != nil {
		panic("catalog: embedded data: " + err.Error())
	}
	return c
})

// Load returns the embedded catalogue, decoding it on first use. Managed
// policy documents are decoded on the first call that needs them.
func Load() *Catalog { return load() }

// Actions returns every action, indexed by ID: Actions()[a.ID] == a.
func (c *Catalog) Actions() []*Action { return c.actions }

// Services returns every service, sorted by prefix.
func (c *Catalog) Services() []*Service { return c.services }

// Service returns the service with the prefix, compared case-insensitively,
// or nil.
func (c *Catalog) Service(prefix string) *Service {
	i := sort.Search(len(c.services), func(i int) bool { return compareFold(c.services[i].Prefix, prefix) >= 0 })
	if i < len(c.services) && compareFold(c.services[i].Prefix, prefix) == 0 {
		return c.services[i]
	}
	return nil
}

// Action returns the action named "prefix:Name", compared
// case-insensitively ("s3:getobject"), or nil. Wildcards are not expanded:
// use Match.
func (c *Catalog) Action(name string) *Action {
	prefix, act, ok := strings.Cut(name, ":")
	if !ok {
		return nil
	}
	s := c.Service(prefix)
	if s == nil {
		return nil
	}
	i := sort.Search(len(s.Actions), func(i int) bool { return compareFold(s.Actions[i].Name, act) >= 0 })
	if i < len(s.Actions) && compareFold(s.Actions[i].Name, act) == 0 {
		return s.Actions[i]
	}
	return nil
}

// NewSet returns an empty set sized for the catalogue.
func (c *Catalog) NewSet() Set { return Set{w: make([]uint64, len(c.all.w))} }

// All returns a new set of every action.
func (c *Catalog) All() Set { return c.all.Clone() }

// lower folds an ASCII letter to lower case. Action names, service prefixes
// and the keywords of ARNs are ASCII, so IAM's case-insensitive comparisons
// need nothing more.
func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// compareFold compares a and b as lower-case strings, without allocating.
func compareFold(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := lower(a[i]), lower(b[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
