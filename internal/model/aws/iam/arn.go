package iam

import "strings"

// AWSManagedPolicy reports whether arn names the AWS managed policy name in
// any partition ("arn:aws:iam::aws:policy/AdministratorAccess",
// "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), whatever its path.
func AWSManagedPolicy(arn, name string) bool {
	partition, rest, ok := strings.Cut(strings.TrimPrefix(arn, "arn:"), ":iam::aws:policy/")
	if !ok || !strings.HasPrefix(arn, "arn:") || !strings.HasPrefix(partition, "aws") || strings.Contains(partition, ":") {
		return false
	}
	return rest == name || strings.HasSuffix(rest, "/"+name)
}

// PolicyNameFromARN returns the name at the end of a managed policy ARN
// ("arn:aws:iam::123456789012:policy/team/deploy" gives "deploy").
func PolicyNameFromARN(arn string) (string, bool) {
	_, rest, ok := strings.Cut(arn, ":policy/")
	if !ok || !strings.HasPrefix(arn, "arn:") || rest == "" {
		return "", false
	}
	return rest[strings.LastIndex(rest, "/")+1:], true
}

// ThisAccount stands in an ARN for the account the source's own resources
// are created in, known only at apply time:
// "arn:aws:iam::${this-account}:role/app" is the role app the same
// configuration defines. Unlike Unknown it names a known principal; only its
// account number waits, and identity analysis puts in the estate's.
const ThisAccount = "${this-account}"
