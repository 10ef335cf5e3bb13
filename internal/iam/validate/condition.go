package validate

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/iam/condition"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// family is the data type a condition operator compares.
type family uint8

const (
	famString family = iota + 1
	famARN
	famNumeric
	famDate
	famBool
	famBinary
	famIP
	famNull
)

var familyNames = [...]string{famString: "String", famARN: "ARN", famNumeric: "Numeric", famDate: "Date", famBool: "Bool", famBinary: "Binary", famIP: "IpAddress", famNull: "Null"}

// bases maps each base operator to its family. Names are case-sensitive.
var bases = map[string]family{
	"StringEquals": famString, "StringNotEquals": famString, "StringEqualsIgnoreCase": famString,
	"StringNotEqualsIgnoreCase": famString, "StringLike": famString, "StringNotLike": famString,
	"NumericEquals": famNumeric, "NumericNotEquals": famNumeric, "NumericLessThan": famNumeric,
	"NumericLessThanEquals": famNumeric, "NumericGreaterThan": famNumeric, "NumericGreaterThanEquals": famNumeric,
	"DateEquals": famDate, "DateNotEquals": famDate, "DateLessThan": famDate, "DateLessThanEquals": famDate,
	"DateGreaterThan": famDate, "DateGreaterThanEquals": famDate, "Bool": famBool, "BinaryEquals": famBinary,
	"IpAddress": famIP, "NotIpAddress": famIP, "ArnEquals": famARN, "ArnLike": famARN, "ArnNotEquals": famARN,
	"ArnNotLike": famARN, "Null": famNull,
}

// operator is a condition operator taken apart.
type operator struct {
	set      string // "ForAllValues", "ForAnyValue" or ""
	base     string // "StringEquals"
	ifExists bool
	family   family // zero for an operator AWS does not have
}

func parseOperator(op string) operator {
	var o operator
	if set, rest, ok := strings.Cut(op, ":"); ok && (set == "ForAllValues" || set == "ForAnyValue") {
		o.set, op = set, rest
	}
	o.base, o.ifExists = strings.CutSuffix(op, "IfExists")
	o.family = bases[o.base]
	return o
}

func (s *stmt) conditions() {
	ce, ok := s.pos.Element(iam.ElemCondition)
	if !ok || ce.Kind != iam.KindObject {
		return
	}
	path := s.path + ".Condition"
	if len(ce.Members) == 0 {
		s.add(EmptyObjectCondition, ce.Pos, path, "This condition block is empty and it does not affect the policy. Specify conditions.")
		return
	}
	ops := map[string]bool{}
	for _, c := range s.st.Condition {
		ops[c.Operator] = true
	}
	bad := map[string]bool{}
	for _, m := range ce.Members {
		o, opath := parseOperator(m.Name), path+"."+m.Name
		switch {
		case o.family == famNull && o.ifExists:
			s.add(NullWithIfExists, m.Pos, opath, "The Null condition operator cannot be used with the IfExists suffix. Update the operator or the suffix.")
			bad[m.Name] = true
		case o.family == famNull && o.set != "":
			s.add(NullWithQualifier, m.Pos, opath, "Avoid using the Null condition operator with the ForAllValues or ForAnyValue qualifiers because they always return true or false respectively.")
		case !condition.KnownOperator(m.Name):
			s.add(InvalidConditionOperator, m.Pos, opath, "The condition operator %s is not valid. Use a valid condition operator.", m.Name)
			bad[m.Name] = true
		}
		if m.Kind == iam.KindObject && !ops[m.Name] {
			s.add(EmptyObjectCondition, m.Pos, opath, "The condition operator %s has no condition keys and does not affect the policy. Specify conditions.", m.Name)
		}
	}
	// firstKey maps an operator and a folded key to the condition that
	// writes it first in the text.
	firstKey := map[[2]string]int{}
	for j, c := range s.st.Condition {
		if j >= len(s.pos.Conditions) || c.Key == iam.Unknown {
			continue
		}
		k := [2]string{c.Operator, strings.ToLower(c.Key)}
		if i, ok := firstKey[k]; !ok || s.pos.Conditions[j].Key.Start < s.pos.Conditions[i].Key.Start {
			firstKey[k] = j
		}
	}
	for j, c := range s.st.Condition {
		if j >= len(s.pos.Conditions) || c.Key == iam.Unknown {
			continue
		}
		cp := s.pos.Conditions[j]
		ck := s.conditionKey(c, cp)
		if !bad[c.Operator] {
			s.conditionValues(c, cp, ck)
		}
		s.keySupport(c, cp, ck)
		if first := s.st.Condition[firstKey[[2]string{c.Operator, strings.ToLower(c.Key)}]]; first.Key != c.Key {
			s.add(DuplicateKeysWithDifferentCase, cp.Key, conditionPath(s, c),
				"The condition key %s appears more than once with different capitalization in the same condition block (%s). Remove the duplicate condition keys.", c.Key, first.Key)
		}
	}
}

func conditionPath(s *stmt, c iam.Condition) string {
	return fmt.Sprintf("%s.Condition.%s.%s", s.path, c.Operator, c.Key)
}

// federationPrefixes are condition key prefixes of identity providers,
// which trust policies use and no service owns.
var federationPrefixes = map[string]bool{"saml": true}

// conditionKey checks a condition key exists and returns it from the
// catalogue, or nil.
func (s *stmt) conditionKey(c iam.Condition, cp iam.ConditionPos) *catalog.ConditionKey {
	path := conditionPath(s, c)
	prefix, rest, ok := strings.Cut(c.Key, ":")
	if !ok || prefix == "" || rest == "" {
		s.add(InvalidConditionKeyFormat, cp.Key, path, "The condition key %s format is not valid. Use the format service:keyname.", c.Key)
		return nil
	}
	cat := s.v.cat
	ck := cat.ConditionKey(c.Key)
	if ck == nil {
		ck = keyFamily(cat.Service(prefix), c.Key)
	}
	switch {
	case strings.EqualFold(prefix, "aws"):
		switch {
		case strings.EqualFold(c.Key, "aws:ARN"):
			s.add(UnsupportedGlobalConditionKey, cp.Key, path, "The condition key aws:ARN is not supported. Use aws:PrincipalArn or aws:SourceArn instead.")
		case ck == nil:
			s.add(InvalidGlobalConditionKey, cp.Key, path, "The condition key %s does not exist. Use a valid condition key.", c.Key)
		}
	case ck != nil || strings.ContainsAny(prefix, "./") || federationPrefixes[strings.ToLower(prefix)]:
	case cat.Service(prefix) != nil:
		s.add(InvalidServiceConditionKey, cp.Key, path, "The condition key %s does not exist in the service %s. Use a valid condition key.", c.Key, strings.ToLower(prefix))
	default:
		s.add(InvalidService, cp.Key, path, "The service %s of the condition key %s does not exist. Use a valid service name.", prefix, c.Key)
	}
	return ck
}

// keyFamily finds a key of service whose name has the same head as key up
// to its first '/': AWS spells the variable part of some keys as literal
// text ("secretsmanager:ResourceTag/tag-key"), which stands for any tag key
// as "${TagKey}" does.
func keyFamily(service *catalog.Service, key string) *catalog.ConditionKey {
	i := strings.IndexByte(key, '/')
	if service == nil || i < 0 {
		return nil
	}
	for _, k := range service.ConditionKeys {
		if len(k.Name) > i && strings.EqualFold(k.Name[:i+1], key[:i+1]) {
			return k
		}
	}
	return nil
}

// sameKey reports whether two catalogue spellings name the same key: equal
// but for case, or with the same head up to a '/' ("ssm:resourceTag/tag-key"
// and "ssm:resourceTag/${TagKey}").
func sameKey(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	i := strings.IndexByte(a, '/')
	return i >= 0 && len(b) > i && strings.EqualFold(a[:i+1], b[:i+1])
}

// keyType reads a catalogue data type: its family and whether the key
// holds several values.
func keyType(t string) (family, bool) {
	rest, multi := strings.CutPrefix(t, "ArrayOf")
	switch strings.ToLower(rest) {
	case "string":
		return famString, multi
	case "arn":
		return famARN, multi
	case "numeric", "long", "integer":
		return famNumeric, multi
	case "date":
		return famDate, multi
	case "bool", "boolean":
		return famBool, multi
	case "ipaddress":
		return famIP, multi
	case "binary":
		return famBinary, multi
	}
	return 0, multi
}

// compatible reports whether an operator of family op suits a key of
// family key. String and ARN operators are interchangeable on keys of
// either type, as AWS compares both as text.
func compatible(op, key family) bool {
	switch {
	case key == 0 || op == famNull || op == famBinary:
		return true
	case op == famString || op == famARN:
		return key == famString || key == famARN
	}
	return op == key
}

// conditionValues checks a condition's values against its operator and
// its key's type.
func (s *stmt) conditionValues(c iam.Condition, cp iam.ConditionPos, ck *catalog.ConditionKey) {
	o := parseOperator(c.Operator)
	path := conditionPath(s, c)
	if len(c.Values) == 0 {
		if len(cp.Values) == 0 {
			switch {
			case o.set == "ForAllValues":
				s.add(EmptyArrayConditionForAllValues, cp.Key, path, "The ForAllValues prefix with an empty condition key matches only if the key %s is missing from the request context. To determine if the request context is empty, we recommend that you use the Null condition operator with the value of true instead.", c.Key)
			case o.set == "ForAnyValue":
				s.add(EmptyArrayConditionForAnyValue, cp.Key, path, "The ForAnyValue prefix with an empty condition key %s never matches the request context and it does not affect the policy. Specify conditions.", c.Key)
			case o.ifExists:
				s.add(EmptyArrayConditionIfExists, cp.Key, path, "The IfExists suffix with an empty condition key matches only if the key %s is missing from the request context. To determine if the request context is empty, we recommend that you use the Null condition operator with the value of true instead.", c.Key)
			default:
				s.add(EmptyArrayCondition, cp.Key, path, "There are no values for the condition key %s and it does not affect the policy. Specify conditions.", c.Key)
			}
		}
		return
	}
	if o.family == 0 {
		return
	}
	if ck != nil {
		kf, multi := keyType(ck.Type)
		switch {
		case !compatible(o.family, kf):
			s.add(TypeMismatch, cp.Operator, path, "Use the operator type %s instead of operator %s for the condition key %s.", familyNames[kf], c.Operator, c.Key)
		case o.set == "ForAllValues" && !multi && s.isAllow():
			s.add(ForAllValuesWithSingleValuedKey, cp.Key, path, "Using ForAllValues qualifier with the single-valued condition key %s can be overly permissive: it also matches requests without the key. We recommend that you remove ForAllValues:.", c.Key)
		case o.set == "" && multi && o.family != famNull:
			s.add(MissingQualifier, cp.Key, path, "The request context key %s has multiple values. Use the ForAllValues or ForAnyValue condition key qualifiers in your policy.", c.Key)
		}
	}
	var numbers int
	for k, val := range c.Values {
		if k >= len(cp.Values) {
			break
		}
		vpos := cp.Values[k]
		if c := s.v.text[vpos.Start]; c == '{' || c == '[' || c == 'n' {
			continue // not a value; reported as a data type mismatch
		}
		if hasVariable(val) {
			if o.family != famString && o.family != famARN {
				s.add(InvalidVariableForOperator, vpos, path, "Policy variables can only be used with String and ARN operators, not %s.", c.Operator)
			}
			s.variables(val, vpos, path)
			continue
		}
		switch o.family {
		case famBool, famNull:
			if !strings.EqualFold(val, "true") && !strings.EqualFold(val, "false") {
				s.add(TypeMismatchBoolean, vpos, path, "Add a valid Boolean value (true or false) for the condition operator %s.", c.Operator)
			}
		case famNumeric:
			if _, err := strconv.ParseFloat(val, 64); err != nil {
				s.add(TypeMismatchNumber, vpos, path, "Add a valid numeric value for the condition operator %s.", c.Operator)
			} else {
				numbers++
			}
		case famDate:
			s.dateValue(c, val, vpos, path)
		case famIP:
			s.ipValue(c, val, vpos, path)
		case famString:
			if !strings.HasSuffix(o.base, "Like") && strings.ContainsAny(val, "*?") {
				s.add(WildcardWithoutLikeOperator, vpos, path, "The condition value %s includes a * or ? character. If you meant to use a wildcard (*, ?), update the condition operator %s to include Like.", val, c.Operator)
			}
		}
	}
	switch {
	case o.family == famBool && len(c.Values) > 1:
		s.add(InvalidConditionMultipleBool, cp.Key, path, "The condition key %s does not support multiple Boolean values. Use a single Boolean value.", c.Key)
	case o.family == famNumeric && numbers > 1 && (strings.Contains(o.base, "LessThan") || strings.Contains(o.base, "GreaterThan")):
		s.add(RedundantConditionValueNum, cp.Key, path, "Multiple values in %s are redundant. Replace them with the single greatest or least value for %s.", c.Operator, c.Key)
	}
	if o.family == famIP && strings.EqualFold(c.Key, "aws:SourceIp") {
		s.sourceIP(c, cp, o)
	}
}

// dateLayouts are the W3C date and time forms AWS documents.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z0700", "2006-01-02", "2006-01", "2006"}

func (s *stmt) dateValue(c iam.Condition, val string, pos iam.TextPos, path string) {
	if _, err := strconv.ParseInt(val, 10, 64); err == nil {
		if !strings.EqualFold(c.Key, "aws:EpochTime") {
			s.add(InvalidDateValue, pos, path, "The date %s might not resolve as expected. We recommend that you use the YYYY-MM-DD format.", val)
		}
		return
	}
	for _, l := range dateLayouts {
		if _, err := time.Parse(l, val); err == nil {
			return
		}
	}
	s.add(TypeMismatchDate, pos, path, "The date condition operator %s is used with the invalid value %s. Specify a valid date using YYYY-MM-DD or another ISO 8601 date/time format.", c.Operator, val)
}

// ipPrefix reads an IP address condition value: a CIDR block or a single
// address.
func ipPrefix(val string) (netip.Prefix, bool) {
	if p, err := netip.ParsePrefix(val); err == nil {
		return p, true
	}
	if a, err := netip.ParseAddr(val); err == nil && a.Zone() == "" {
		return netip.PrefixFrom(a, a.BitLen()), true
	}
	return netip.Prefix{}, false
}

func (s *stmt) ipValue(c iam.Condition, val string, pos iam.TextPos, path string) {
	p, ok := ipPrefix(val)
	switch {
	case !ok:
		s.add(TypeMismatchIPRange, pos, path, "The condition operator %s is used with the invalid IP range value %s. Specify the IP range in standard CIDR format.", c.Operator, val)
	case p != p.Masked():
		s.add(ImproveIPRange, pos, path, "The non-zero bits in the IP address after the masked bits are ignored. Replace %s with %s.", val, p.Masked())
	}
}

var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("fc00::/7"),
}

func private(p netip.Prefix) bool {
	for _, r := range privateRanges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// sourceIP reports aws:SourceIp conditions on private addresses, which
// requests never carry: AWS sees the public address a request comes from.
func (s *stmt) sourceIP(c iam.Condition, cp iam.ConditionPos, o operator) {
	var priv, pub int
	for _, val := range c.Values {
		p, ok := ipPrefix(val)
		switch {
		case !ok:
			return
		case private(p):
			priv++
		default:
			pub++
		}
	}
	path := conditionPath(s, c)
	not := o.base == "NotIpAddress"
	switch {
	case priv == 0:
	case pub == 0 && not:
		s.add(PrivateNotIPAddress, cp.Key, path, "The values for condition key aws:SourceIp include only private IP addresses and have no effect: aws:SourceIp works only for public IP address ranges. Update the value to include only public IP addresses.")
	case pub == 0:
		s.add(PrivateIPAddress, cp.Key, path, "aws:SourceIp works only for public IP address ranges. The values for condition key aws:SourceIp include only private IP addresses and will not have the desired effect. Update the value to include only public IP addresses.")
	case not:
		s.add(PrivateNotIPAddressSubset, cp.Key, path, "The values for condition key aws:SourceIp include a mix of private and public IP addresses. The private addresses have no effect: aws:SourceIp works only for public IP address ranges. To define permissions for private IP ranges, use aws:VpcSourceIp.")
	default:
		s.add(PrivateIPAddressSubset, cp.Key, path, "The values for condition key aws:SourceIp include a mix of private and public IP addresses. The private addresses will not have the desired effect: aws:SourceIp works only for public IP address ranges. To define permissions for private IP ranges, use aws:VpcSourceIp.")
	}
}

// tagKeys are the global condition keys on tags, which only some actions
// of a service support.
var tagKeys = map[string]bool{"aws:requesttag/${tagkey}": true, "aws:resourcetag/${tagkey}": true, "aws:tagkeys": true}

// keySupport reports a condition key none of the statement's actions
// supports: a service key whose service has no action in the statement, or
// no action there that takes the key, so requests for the statement's
// actions never carry it. For the global tag keys, which some actions of a
// service support and others not, Allow statements are judged service by
// service, as Access Analyzer does.
func (s *stmt) keySupport(c iam.Condition, cp iam.ConditionPos, ck *catalog.ConditionKey) {
	if ck == nil || len(s.st.NotAction) > 0 {
		return
	}
	tag := tagKeys[strings.ToLower(ck.Name)]
	if ck.Global && !tag || tag && !s.isAllow() {
		return
	}
	if !s.hasActions() {
		return
	}
	path := conditionPath(s, c)
	if tag {
		if unsupported := s.tagSupport(ck); len(unsupported) > 0 {
			s.add(AllowWithUnsupportedTagConditionKey, cp.Key, path, "The statement's actions of the service(s) %s do not support the condition key %s: with them the condition does not restrict access as intended. We recommend that you move these actions to a separate statement.", strings.Join(unsupported, ", "), c.Key)
		}
		return
	}
	prefix, _, _ := strings.Cut(ck.Name, ":")
	service := s.v.cat.Service(prefix)
	if service == nil {
		return
	}
	switch has, supported := s.keySupported(ck, service.Prefix); {
	case !has:
		s.add(ConditionKeyNotSupportedByActions, cp.Key, path, "The condition key %s belongs to the service %s, and the statement has no %[2]s action: requests for its actions never carry the key.", c.Key, service.Prefix)
	case !supported:
		s.add(ConditionKeyNotSupportedByActions, cp.Key, path, "None of the statement's %s actions supports the condition key %s: requests for them never carry the key.", service.Prefix, c.Key)
	}
}

// memoKey names a question about a key and the statement's actions, so
// statements with the same Action items ask it once: policies repeat "*".
func (s *stmt) memoKey(ck *catalog.ConditionKey) string {
	return ck.Name + "\x00" + strings.ToLower(strings.Join(s.st.Action, "\x00"))
}

// tagSupport returns the services, in the order the statement's actions
// name them, none of whose actions there supports the tag key ck.
func (s *stmt) tagSupport(ck *catalog.ConditionKey) []string {
	k := s.memoKey(ck)
	if r, ok := s.v.tagMemo[k]; ok {
		return r
	}
	var order []string
	supported := map[string]bool{}
	for a := range s.actions() {
		if _, ok := supported[a.Service]; !ok {
			order = append(order, a.Service)
		}
		supported[a.Service] = supported[a.Service] || supports(a, ck.Name)
	}
	var unsupported []string
	for _, svc := range order {
		if !supported[svc] {
			unsupported = append(unsupported, svc)
		}
	}
	if s.v.tagMemo == nil {
		s.v.tagMemo = map[string][]string{}
	}
	s.v.tagMemo[k] = unsupported
	return unsupported
}

// keySupported reports whether the statement has an action of service
// and whether one of them supports the key ck.
func (s *stmt) keySupported(ck *catalog.ConditionKey, service string) (has, supported bool) {
	k := s.memoKey(ck)
	if r, ok := s.v.keyMemo[k]; ok {
		return r[0], r[1]
	}
	for a := range s.actions() {
		if a.Service != service {
			continue
		}
		has = true
		if supports(a, ck.Name) {
			supported = true
			break
		}
	}
	if s.v.keyMemo == nil {
		s.v.keyMemo = map[string][2]bool{}
	}
	s.v.keyMemo[k] = [2]bool{has, supported}
	return has, supported
}

// supports reports whether action a takes the condition key named name (as
// the catalogue spells it), itself or on one of its resource types.
func supports(a *catalog.Action, name string) bool {
	has := func(keys []string) bool {
		for _, k := range keys {
			if sameKey(k, name) {
				return true
			}
		}
		return false
	}
	if has(a.ConditionKeys) {
		return true
	}
	for _, r := range a.Resources {
		if has(r.ConditionKeys) || has(r.Type.ConditionKeys) {
			return true
		}
	}
	return false
}
