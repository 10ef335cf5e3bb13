package model

// Resource is the identity every typed resource embeds.
type Resource struct {
	// ID is stable across runs: the resource address with its module path and
	// instance key for IaC ("module.logs.aws_s3_bucket.this[0]"), the ARN for
	// live resources. Baselines, suppressions and code-to-cloud matching key on it.
	ID string
	// Type is the source's own name for the kind of resource, e.g.
	// "aws_s3_bucket" or "AWS::S3::Bucket".
	Type string
	// Name is a human-friendly name: the bucket name when known, otherwise the
	// resource's local name.
	Name string
	// Origin is where the resource is defined: the block's range, or the API
	// and ARN it was read from.
	Origin Origin
	// Tags are the resource's tags, when it has any.
	Tags Map[string]
	// Conditional reports that the resource may not exist: in IaC, its count
	// or for_each could not be resolved. Whether it is created is then as
	// unknown as any unresolved value, so no check fails it.
	Conditional bool
}
