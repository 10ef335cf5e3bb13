package tfres

// Companions is the result of Attach: the companion resources of each target
// (by target address, in set order), and those that could point at any target.
type Companions struct {
	ByTarget   map[string][]*Resource
	Unresolved []*Resource
}

// Attach resolves every resource of companionType (an aws_s3_bucket_versioning,
// say) to the target it configures, through its attribute name.
func (s *Set) Attach(companionType, name string, targetTypes []string, matchAttrs ...string) Companions {
	c := Companions{ByTarget: map[string][]*Resource{}}
	for _, r := range s.OfType(companionType) {
		t, link := s.Resolve(r.Body, name, targetTypes, matchAttrs...)
		switch link {
		case Linked:
			c.ByTarget[t.Address] = append(c.ByTarget[t.Address], r)
		case Unresolvable:
			c.Unresolved = append(c.Unresolved, r)
		}
	}
	return c
}

// For returns the companion configuring target, whether one is known to, and
// whether the answer is certain. When no companion links to target but some
// companion could not be resolved, the answer is uncertain: that companion
// might configure target, so the setting it governs is unknown.
func (c Companions) For(target *Resource) (companion *Resource, certain bool) {
	if rs := c.ByTarget[target.Address]; len(rs) > 0 {
		return rs[len(rs)-1], true
	}
	return nil, len(c.Unresolved) == 0
}
