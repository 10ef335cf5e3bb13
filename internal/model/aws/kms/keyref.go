package kms

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
)

// KeyRef names the KMS key that encrypts a resource of another service: an
// S3 bucket, a secret, a parameter. Services fall back to their AWS managed
// key (aws/s3, aws/secretsmanager, ...) when none is named.
type KeyRef struct {
	// ID is the key as written: key ID, key ARN, alias name or alias ARN; ""
	// (defaulted) for the service's AWS managed key. It is unknown when it
	// refers to a key created in the same configuration.
	ID model.String
	// CustomerManaged reports whether the key is one the customer manages
	// (and can write a key policy for, rotate, disable): false for "" and
	// for aws/ aliases. It can be known when ID is not: a reference to a key
	// the source creates is customer managed whatever its ARN turns out to be.
	CustomerManaged model.Bool
}

// IsAWSManagedAlias reports whether id names an AWS managed key by its alias
// ("alias/aws/s3", "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3").
func IsAWSManagedAlias(id string) bool {
	return strings.HasPrefix(id, "alias/aws/") || strings.Contains(id, ":alias/aws/")
}

// Named reports whether a key is named at all rather than left out (""),
// for the questions "is this encrypted with KMS" that do not care who
// manages the key. It is known whenever ID is, and also when ID is unknown
// but CustomerManaged is known: only a reference to a key or alias the
// source declares resolves that, and such a reference always names a key.
func (k KeyRef) Named() model.Bool {
	if k.ID.Known() || !k.CustomerManaged.Known() {
		return model.Derive(k.ID, func(id string) bool { return id != "" })
	}
	return model.Derive(k.CustomerManaged, func(bool) bool { return true })
}
