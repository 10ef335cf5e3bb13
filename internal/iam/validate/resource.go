package validate

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

func (s *stmt) resourceElements() {
	r, hasR := s.pos.Element(iam.ElemResource)
	nr, hasNR := s.pos.Element(iam.ElemNotResource)
	if s.v.kind == Trust {
		for _, p := range []struct {
			p  iam.ElementPos
			ok bool
		}{{r, hasR}, {nr, hasNR}} {
			if p.ok {
				s.add(UnsupportedResourceInTrustPolicy, p.p.Pos, s.path+"."+p.p.Elem.String(), "A role trust policy applies to the role it is attached to: it does not support the %s element. Remove it.", p.p.Elem)
			}
		}
		return
	}
	switch {
	case hasR && hasNR:
		s.add(UnsupportedElementCombination, nr.Pos, s.path, "The policy elements Resource and NotResource can not be used in the same statement. Remove one of these elements.")
	case !hasR && !hasNR && s.v.kind.identityLike():
		// Resource-based policies may leave it out: an ECR repository
		// policy names no resource, its repository is implied.
		s.add(MissingResource, s.pos.Pos, s.path, "Add a Resource or NotResource element to the policy statement.")
	}
	for _, e := range []struct {
		p     iam.ElementPos
		ok    bool
		items []string
	}{{r, hasR, s.st.Resource}, {nr, hasNR, s.st.NotResource}} {
		if !e.ok {
			continue
		}
		if e.p.Kind == iam.KindArray && len(e.items) == 0 {
			s.add(EmptyArrayResource, e.p.Pos, s.path+"."+e.p.Elem.String(), "This statement includes no resources and does not affect the policy. Specify resources.")
		}
		for j, item := range e.items {
			if s.isString(e.p, j) {
				s.resource(e.p.Elem, j, item)
			}
		}
	}
	if hasR {
		s.redundantResources()
		s.resourceTypes()
	}
	if hasNR && s.isAllow() && (s.v.kind == Identity || s.v.kind == Resource) {
		s.add(AllowWithNotResource, nr.Pos, s.path+".NotResource", "Using Allow with NotResource grants the actions on every resource that is not listed, including resources created later. We recommend that you list the resources in Resource instead.")
	}
}

var regionRE = regexp.MustCompile(`^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$`)

// literal reports whether an ARN field holds neither a wildcard nor a
// policy variable.
func literal(s string) bool { return !wild(s) && !strings.Contains(s, "${") }

// resource checks item j of a Resource or NotResource element: its
// variables and its ARN format, against the catalogue's formats for the
// ARN's service.
func (s *stmt) resource(e iam.Element, j int, arn string) {
	pos, path := s.item(e, j), s.itemPath(e, j)
	if arn == "*" {
		return
	}
	s.variables(arn, pos, path)
	if !strings.HasPrefix(arn, "arn:") {
		s.add(InvalidARNPrefix, pos, path, "Add the required prefix (arn) to the resource ARN %s.", arn)
		return
	}
	f := strings.SplitN(arn, ":", 6)
	if len(f) < 6 {
		s.add(MissingARNField, pos, path, "The resource ARN %s must include at least 6 fields in the following structure: arn:partition:service:region:account:resource.", arn)
		return
	}
	partition, service, region, account := f[1], f[2], f[3], f[4]
	if literal(partition) && !knownPartition(partition) {
		s.add(InvalidPartition, pos, path, "The resource ARN %s names the partition %s, which does not exist. Use aws, aws-cn or aws-us-gov, or another AWS partition.", arn, partition)
	}
	switch {
	case !literal(service):
		s.add(WildcardInServiceName, pos, path, "Avoid using wildcards (*, ?) in the service name of %s because it might grant unintended access to other AWS services with similar names.", arn)
		return
	case service != strings.ToLower(service):
		s.add(InvalidARNServiceCase, pos, path, "Update the service name %s in the resource ARN to use all lowercase letters.", service)
		return
	}
	if literal(region) && region != "" && !regionRE.MatchString(region) {
		s.add(InvalidARNRegion, pos, path, "The Region %s of the resource ARN %s is not valid. Update the resource ARN to include a supported Region.", region, arn)
		return
	}
	if literal(account) && account != "" && account != "aws" && !isAccountID(account) {
		s.add(InvalidARNAccount, pos, path, "The account ID %s of the resource ARN %s is not valid. Provide a 12-digit account ID.", account, arn)
		return
	}
	types := arnTypes(s.v.cat)[service]
	if len(types) == 0 || slices.ContainsFunc(types, func(t *catalog.ResourceType) bool { return matchesType(t, arn) }) {
		return
	}
	// Diagnose by repair: the ARN matches once its Region or account is
	// removed, or once it has a Region.
	repaired := func(i int, val string) bool {
		g := slices.Clone(f)
		g[i] = val
		fixed := strings.Join(g, ":")
		return slices.ContainsFunc(types, func(t *catalog.ResourceType) bool { return matchesType(t, fixed) })
	}
	switch {
	case region != "" && literal(region) && repaired(3, ""):
		s.add(ARNRegionNotAllowed, pos, path, "The service %s does not support specifying a Region in the resource ARN %s. Remove the Region.", service, arn)
	case account != "" && literal(account) && repaired(4, ""):
		s.add(ARNAccountNotAllowed, pos, path, "The service %s does not support specifying an account ID in the resource ARN %s. Remove the account ID.", service, arn)
	case region == "" && repaired(3, "us-east-1"):
		s.add(MissingARNRegion, pos, path, "Add a Region to the %s resource ARN %s.", service, arn)
	default:
		s.add(InvalidARNResource, pos, path, "The resource ARN %s does not match the expected ARN format of any %s resource type (%s). Update the resource portion of the ARN.", arn, service, formats(types, f[5]))
	}
}

// formats lists the ARN formats of up to three of types, those whose
// resource part starts most like resource first.
func formats(types []*catalog.ResourceType, resource string) string {
	common := func(t *catalog.ResourceType) int {
		f := strings.SplitN(t.ARN, ":", 6)
		if len(f) < 6 {
			return 0
		}
		n := 0
		for n < len(f[5]) && n < len(resource) && f[5][n] == resource[n] {
			n++
		}
		return n
	}
	sorted := slices.Clone(types)
	slices.SortStableFunc(sorted, func(a, b *catalog.ResourceType) int { return common(b) - common(a) })
	var fs []string
	for _, t := range sorted[:min(3, len(sorted))] {
		fs = append(fs, t.Name+" "+t.ARN)
	}
	if len(sorted) > 3 {
		fs = append(fs, "...")
	}
	return strings.Join(fs, ", ")
}

// matchesType reports whether arn may name a resource of type t. AWS
// matches an ARN segment by segment, a wildcard never spanning a ':'
// between partition, service, Region, account and resource, so those
// fields are compared here one by one; the resource part, where AWS's own
// patterns span ':' ("log-group:name:*"), is left to t.Matches on an ARN
// whose other fields are made concrete. Policy variables count as
// wildcards: they stand for what only the request knows.
func matchesType(t *catalog.ResourceType, arn string) bool {
	f := strings.SplitN(matchable(arn), ":", 6)
	if len(f) < 6 {
		return false
	}
	for alt := range strings.SplitSeq(t.ARN, ", ") {
		pf := strings.SplitN(alt, ":", 6)
		if len(pf) < 6 {
			continue
		}
		concrete, ok := []string{"arn"}, true
		for i := 1; i < 5 && ok; i++ {
			switch {
			case strings.HasPrefix(pf[i], "${") && strings.HasSuffix(pf[i], "}"):
				// A variable field takes any value, an account none for
				// resources AWS owns ("arn:aws:ssm:us-east-1::document/AWS-RunShellScript").
				ok = f[i] != "" || i == 4
				concrete = append(concrete, "x")
			default:
				ok = iam.Wildcard(f[i], pf[i])
				concrete = append(concrete, pf[i])
			}
		}
		if ok && t.Matches(strings.Join(append(concrete, f[5]), ":")) {
			return true
		}
	}
	return false
}

// matchable returns arn with its policy variables as wildcards: a variable
// stands for a value only the request knows.
func matchable(arn string) string {
	for {
		i := strings.Index(arn, "${")
		if i < 0 {
			return arn
		}
		j := strings.IndexByte(arn[i:], '}')
		if j < 0 {
			return arn
		}
		arn = arn[:i] + "*" + arn[i+j+1:]
	}
}

// arnTypes indexes the catalogue's resource types by the service field of
// their ARN patterns, which is the service prefix ARNs use.
var arnTypes = func() func(*catalog.Catalog) map[string][]*catalog.ResourceType {
	var once sync.Once
	var index map[string][]*catalog.ResourceType
	return func(cat *catalog.Catalog) map[string][]*catalog.ResourceType {
		once.Do(func() {
			index = map[string][]*catalog.ResourceType{}
			for _, svc := range cat.Services() {
				for _, t := range svc.ResourceTypes {
					f := strings.SplitN(t.ARN, ":", 4)
					if len(f) < 4 || !literal(f[2]) {
						continue
					}
					if !slices.Contains(index[f[2]], t) {
						index[f[2]] = append(index[f[2]], t)
					}
				}
			}
		})
		return index
	}
}()

// redundantResources reports Resource items another item already covers,
// as redundantActions does for actions; ARNs compare case-sensitively.
func (s *stmt) redundantResources() {
	items := s.st.Resource
	skip := func(i int) bool { return hasVariable(items[i]) }
	redundancies(items, false, skip, resourceCovers, func(i, j int) {
		pos, path := s.item(iam.ElemResource, i), s.itemPath(iam.ElemResource, i)
		if items[j] == items[i] {
			s.add(RedundantResource, pos, path, "The resource %s appears more than once in the statement. Remove the duplicate.", items[i])
		} else {
			s.add(RedundantResource, pos, path, "The resource %s is redundant because %s already references it. Review the use of wildcards (*).", items[i], items[j])
		}
	})
}

// resourceCovers reports whether resource pattern b matches everything a
// does.
func resourceCovers(b, a string) bool {
	switch {
	case b == "*" || a == b:
		return true
	case literal(a):
		return iam.Wildcard(b, a)
	}
	return prefixPattern(b) && strings.HasPrefix(a, b[:len(b)-1])
}

// resourceTypes reports Resource ARNs that none of the statement's actions
// takes: s3:GetObject on a bucket ARN, say. Only ARNs of a known format
// are judged, and only when the statement names its actions in Action.
func (s *stmt) resourceTypes() {
	if len(s.st.NotAction) > 0 {
		return
	}
	if !s.hasActions() {
		return
	}
	takes := map[*catalog.ResourceType]bool{}
	for a := range s.actions() {
		if len(a.Resources) == 0 {
			// An action on "*" only: how AWS matches a named ARN against
			// it is not documented ("s3:ListAllMyBuckets" on
			// "arn:aws:s3:::*" works), so the statement is not judged.
			return
		}
		for _, ref := range a.Resources {
			takes[ref.Type] = true
		}
	}
	index := arnTypes(s.v.cat)
	for j, arn := range s.st.Resource {
		f := strings.SplitN(arn, ":", 6)
		if len(f) < 6 || f[0] != "arn" || !literal(f[2]) {
			continue
		}
		// The types the ARN may be are those of its service's ARN format,
		// some listed by other services ("ec2 role"); it is named by its
		// own service's where it has one.
		var own *catalog.ResourceType
		taken := false
		for _, t := range index[f[2]] {
			if !matchesType(t, arn) {
				continue
			}
			taken = taken || takes[t]
			if own == nil || t.Service == f[2] && own.Service != f[2] {
				own = t
			}
		}
		if own == nil || taken {
			continue
		}
		s.add(ResourceTypeMismatch, s.item(iam.ElemResource, j), s.itemPath(iam.ElemResource, j),
			"No action of the statement applies to the resource %s (%s %s): the statement grants nothing on it. Check the actions and the ARN.",
			arn, own.Service, own.Name)
	}
}
