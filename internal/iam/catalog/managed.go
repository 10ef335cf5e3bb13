package catalog

import (
	"fmt"
	"strings"
)

// policies indexes the AWS managed policy documents.
type policies struct {
	docs  map[string]string // "service-role/AWSLambdaBasicExecutionRole" → document
	paths map[string]string // lower-case name → path and name, as in docs
}

func decodePolicies(data []byte) (*policies, error) {
	text, err := gunzip(data)
	if err != nil {
		return nil, err
	}
	return parsePolicies(text)
}

// parsePolicies reads the managed policies' text form.
func parsePolicies(text string) (*policies, error) {
	l := &lines{text: text}
	if line, err := l.next(); err != nil || line != policiesHeader {
		return nil, l.errorf("want header %q", policiesHeader)
	}
	n := strings.Count(l.text, "\n")
	p := &policies{docs: make(map[string]string, n), paths: make(map[string]string, n)}
	var f [2]string
	for l.text != "" {
		line, _ := l.next()
		if !fields(line, f[:]) || f[0] == "" || !strings.HasPrefix(f[1], "{") {
			return nil, l.errorf("malformed managed policy %.80q", line)
		}
		name := f[0][strings.LastIndexByte(f[0], '/')+1:]
		p.docs[f[0]] = f[1]
		p.paths[strings.ToLower(name)] = f[0]
	}
	return p, nil
}

const managedPolicyPrefix = ":iam::aws:policy/"

// ManagedPolicy returns the document of the default version of the AWS
// managed policy arn, as JSON, in any partition:
// "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess",
// "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole". The
// path is part of the ARN and must match; so must case, as AWS compares
// ARNs. The documents are the commercial partition's; asked for another,
// ARNs that open a JSON string are rewritten to that partition
// ("arn:aws:iam::*:role/x" becomes "arn:aws-cn:iam::*:role/x") so that the
// document names resources where it is attached. Whether AWS offers the
// policy in that partition at all is not known here.
func (c *Catalog) ManagedPolicy(arn string) (doc string, ok bool) {
	rest, ok := strings.CutPrefix(arn, "arn:")
	if !ok {
		return "", false
	}
	partition, path, ok := strings.Cut(rest, managedPolicyPrefix)
	if !ok || !validPartition(partition) {
		return "", false
	}
	doc, ok = c.policies().docs[path]
	if !ok {
		return "", false
	}
	if partition != "aws" {
		doc = strings.ReplaceAll(doc, `"arn:aws:`, fmt.Sprintf(`"arn:%s:`, partition))
	}
	return doc, true
}

// validPartition reports whether p can be a partition: lower-case letters
// and '-', as in "aws", "aws-cn", "aws-iso-b".
func validPartition(p string) bool {
	if p == "" {
		return false
	}
	for i := range len(p) {
		if c := p[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// ManagedPolicyARN returns the commercial-partition ARN of the AWS managed
// policy called name, compared case-insensitively as IAM compares policy
// names: "AdministratorAccess" gives
// "arn:aws:iam::aws:policy/AdministratorAccess", and
// "AWSLambdaBasicExecutionRole" gives its ARN with the service-role/ path.
// A name with a path ("service-role/AWSLambdaBasicExecutionRole") must have
// the policy's path.
func (c *Catalog) ManagedPolicyARN(name string) (arn string, ok bool) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	path, ok := c.policies().paths[strings.ToLower(base)]
	if !ok || base != name && !strings.EqualFold(path, name) {
		return "", false
	}
	return "arn:aws" + managedPolicyPrefix + path, true
}
