package s3

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var bucketTypes = []string{"aws_s3_bucket"}

// Adapt builds the S3 state from evaluated resources.
func Adapt(set *tfres.Set) s3.State {
	versioning := set.Attach("aws_s3_bucket_versioning", "bucket", bucketTypes, "bucket", "id")
	var st s3.State
	for _, r := range set.OfType("aws_s3_bucket") {
		name := r.Body.String("bucket", "")
		b := &s3.Bucket{Resource: r.Identity(name.Val()), BucketName: name}
		b.Versioning = adaptVersioning(r, versioning)
		st.Buckets = append(st.Buckets, b)
	}
	return st
}

// adaptVersioning reads versioning from an aws_s3_bucket_versioning companion
// (provider v4+) or the deprecated inline block (v3).
func adaptVersioning(r *tfres.Resource, comps tfres.Companions) s3.Versioning {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		cfg := c.Body.Block("versioning_configuration")
		status := cfg.String("status", "")
		mfa := cfg.String("mfa_delete", "Disabled")
		return s3.Versioning{Enabled: is(status, "Enabled"), MFADelete: is(mfa, "Enabled")}
	case !certain:
		return s3.Versioning{Enabled: model.Unresolved[bool](r.Body.Origin), MFADelete: model.Unresolved[bool](r.Body.Origin)}
	}
	inline := r.Body.Block("versioning")
	return s3.Versioning{Enabled: inline.Bool("enabled", false), MFADelete: inline.Bool("mfa_delete", false)}
}

func is(s model.String, want string) model.Bool {
	return model.Derive(s, func(v string) bool { return v == want })
}
