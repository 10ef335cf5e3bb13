package s3

import "github.com/vigil-sec/vigil/internal/model"

// State holds the S3 resources of an estate.
type State struct {
	Buckets []*Bucket
}

// Bucket is an S3 bucket with every setting that configures it, however the
// source split them.
type Bucket struct {
	model.Resource
	// BucketName is the bucket's name; unknown when generated at apply time.
	BucketName model.String
	Versioning Versioning
}

// Versioning is a bucket's versioning configuration.
type Versioning struct {
	Enabled   model.Bool
	MFADelete model.Bool
}
