package s3

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var bucketTypes = []string{"aws_s3_bucket"}

// companions are the aws_s3_bucket_* resources that each configure one part
// of a bucket (provider v4+), resolved to their buckets.
type companions struct {
	versioning, acl, publicAccess, ownership, encryption, logging, policy, objectLock, lifecycle tfres.Companions
}

// Adapt builds the S3 state from evaluated resources.
//
// A setting neither the bucket nor a companion sets is AWS's current default
// for a new bucket, Defaulted at the bucket: SSE-S3 encryption, all four
// public access blocks on, ACLs disabled. A companion that cannot be
// attributed to a bucket makes the setting it governs unknown on every
// bucket it might configure.
func Adapt(set *tfres.Set) s3.State {
	attach := func(typ string) tfres.Companions { return set.Attach(typ, "bucket", bucketTypes, "bucket", "id") }
	c := companions{
		versioning:   attach("aws_s3_bucket_versioning"),
		acl:          attach("aws_s3_bucket_acl"),
		publicAccess: attach("aws_s3_bucket_public_access_block"),
		ownership:    attach("aws_s3_bucket_ownership_controls"),
		encryption:   attach("aws_s3_bucket_server_side_encryption_configuration"),
		logging:      attach("aws_s3_bucket_logging"),
		policy:       attach("aws_s3_bucket_policy"),
		objectLock:   attach("aws_s3_bucket_object_lock_configuration"),
		lifecycle:    attach("aws_s3_bucket_lifecycle_configuration"),
	}
	var st s3.State
	for _, r := range set.OfType("aws_s3_bucket") {
		name := r.Body.String("bucket", "")
		if !r.Body.Has("bucket") {
			// Without a name AWS generates one (from bucket_prefix, if set).
			name = model.Unresolved[string](r.Body.Origin)
		}
		b := &s3.Bucket{Resource: r.Identity(name.Val()), BucketName: name}
		b.Versioning = adaptVersioning(r, c.versioning)
		b.ACL = adaptACL(r, c.acl)
		b.PublicAccessBlock = adaptPublicAccessBlock(r, c.publicAccess)
		b.ObjectOwnership = adaptOwnership(r, c.ownership)
		b.Encryption = adaptEncryption(set, r, c.encryption)
		b.Logging = adaptLogging(set, r, c.logging)
		b.Policy = adaptPolicy(set, r, c.policy)
		b.ObjectLock = adaptObjectLock(r, c.objectLock)
		b.Lifecycle = adaptLifecycle(r, c.lifecycle)
		st.Buckets = append(st.Buckets, b)
	}
	for _, r := range set.OfType("aws_s3_account_public_access_block") {
		st.AccountPublicAccessBlocks = append(st.AccountPublicAccessBlocks, &s3.AccountPublicAccessBlock{
			Resource:          r.Identity(""),
			AccountID:         r.Body.String("account_id", ""),
			PublicAccessBlock: publicAccessFlags(r.Body),
		})
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

// adaptACL reads the ACL from an aws_s3_bucket_acl companion or the
// deprecated inline acl argument and grant blocks.
func adaptACL(r *tfres.Resource, comps tfres.Companions) s3.ACL {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		policy := c.Body.Block("access_control_policy")
		acl := s3.ACL{Canned: c.Body.String("acl", ""), GrantsKnown: policy.BlocksKnown("grant")}
		for _, g := range policy.Blocks("grant") {
			grantee := g.Block("grantee")
			acl.Grants = append(acl.Grants, s3.Grant{
				Origin:      g.Origin,
				GranteeType: grantee.String("type", ""),
				GranteeURI:  grantee.String("uri", ""),
				GranteeID:   grantee.String("id", ""),
				Permission:  g.String("permission", ""),
			})
		}
		return acl
	case !certain:
		return s3.ACL{Canned: model.Unresolved[string](r.Body.Origin)}
	}
	// A v3 bucket with grant blocks has no canned ACL; one without either is
	// private.
	def := "private"
	if len(r.Body.Blocks("grant")) > 0 {
		def = ""
	}
	acl := s3.ACL{Canned: r.Body.String("acl", def), GrantsKnown: r.Body.BlocksKnown("grant")}
	for _, g := range r.Body.Blocks("grant") {
		perms := g.StringList("permissions")
		if !perms.Known() {
			acl.GrantsKnown = false
		}
		for _, p := range perms.Items {
			acl.Grants = append(acl.Grants, s3.Grant{
				Origin:      g.Origin,
				GranteeType: g.String("type", ""),
				GranteeURI:  g.String("uri", ""),
				GranteeID:   g.String("id", ""),
				Permission:  p,
			})
		}
	}
	return acl
}

// adaptPublicAccessBlock reads an aws_s3_bucket_public_access_block
// companion. Without one, a new bucket blocks all public access (AWS's
// default since April 2023).
func adaptPublicAccessBlock(r *tfres.Resource, comps tfres.Companions) s3.PublicAccessBlock {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return publicAccessFlags(c.Body)
	case !certain:
		u := model.Unresolved[bool](r.Body.Origin)
		return s3.PublicAccessBlock{BlockPublicACLs: u, BlockPublicPolicy: u, IgnorePublicACLs: u, RestrictPublicBuckets: u}
	}
	d := model.Default(true, r.Body.Origin)
	return s3.PublicAccessBlock{BlockPublicACLs: d, BlockPublicPolicy: d, IgnorePublicACLs: d, RestrictPublicBuckets: d}
}

// publicAccessFlags reads the four flags of a public access block resource;
// the provider sends false for each one left out.
func publicAccessFlags(b *tfres.Block) s3.PublicAccessBlock {
	return s3.PublicAccessBlock{
		BlockPublicACLs:       b.Bool("block_public_acls", false),
		BlockPublicPolicy:     b.Bool("block_public_policy", false),
		IgnorePublicACLs:      b.Bool("ignore_public_acls", false),
		RestrictPublicBuckets: b.Bool("restrict_public_buckets", false),
	}
}

func adaptOwnership(r *tfres.Resource, comps tfres.Companions) model.String {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return c.Body.Block("rule").String("object_ownership", "")
	case !certain:
		return model.Unresolved[string](r.Body.Origin)
	}
	return model.Default("BucketOwnerEnforced", r.Body.Origin)
}

// adaptEncryption reads default encryption from an
// aws_s3_bucket_server_side_encryption_configuration companion or the v3
// inline block. Left out, it is SSE-S3: AWS encrypts every bucket.
func adaptEncryption(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) s3.Encryption {
	c, certain := comps.For(r)
	var cfg *tfres.Block
	switch {
	case c != nil:
		cfg = c.Body
	case !certain:
		u := model.Unresolved[string](r.Body.Origin)
		return s3.Encryption{
			Algorithm:        u,
			KMSKey:           kms.KeyRef{ID: u, CustomerManaged: model.Unresolved[bool](r.Body.Origin)},
			BucketKeyEnabled: model.Unresolved[bool](r.Body.Origin),
		}
	default:
		cfg = r.Body.Block("server_side_encryption_configuration")
	}
	rule := cfg.Block("rule")
	def := rule.Block("apply_server_side_encryption_by_default")
	return s3.Encryption{
		Algorithm:        def.String("sse_algorithm", "AES256"),
		KMSKey:           kmsadapt.KeyRef(set, def, "kms_master_key_id"),
		BucketKeyEnabled: rule.Bool("bucket_key_enabled", false),
	}
}

// adaptLogging reads server access logging from an aws_s3_bucket_logging
// companion or the v3 inline block. A target bucket given by reference to a
// bucket of the configuration gets that bucket's name.
func adaptLogging(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) s3.Logging {
	c, certain := comps.For(r)
	var cfg *tfres.Block
	switch {
	case c != nil:
		cfg = c.Body
	case !certain:
		return s3.Logging{
			Enabled:      model.Unresolved[bool](r.Body.Origin),
			TargetBucket: model.Unresolved[string](r.Body.Origin),
			TargetPrefix: model.Unresolved[string](r.Body.Origin),
		}
	default:
		blocks := r.Body.Blocks("logging")
		if !r.Body.BlocksKnown("logging") {
			return s3.Logging{
				Enabled:      model.Unresolved[bool](r.Body.Origin),
				TargetBucket: model.Unresolved[string](r.Body.Origin),
				TargetPrefix: model.Unresolved[string](r.Body.Origin),
			}
		}
		if len(blocks) == 0 {
			return s3.Logging{
				Enabled:      model.Default(false, r.Body.Origin),
				TargetBucket: model.Default("", r.Body.Origin),
				TargetPrefix: model.Default("", r.Body.Origin),
			}
		}
		cfg = blocks[0]
	}
	target := cfg.String("target_bucket", "")
	if !target.Known() {
		if t, link := set.Resolve(cfg, "target_bucket", bucketTypes, "bucket"); link == tfres.Linked {
			if n := t.Body.String("bucket", ""); n.Explicit() {
				target = model.Set(n.Val(), target.Origin)
			}
		}
	}
	return s3.Logging{
		Enabled:      model.Set(true, cfg.Origin),
		TargetBucket: target,
		TargetPrefix: cfg.String("target_prefix", ""),
	}
}

// adaptPolicy reads the bucket policy from an aws_s3_bucket_policy companion
// or the deprecated inline policy argument.
func adaptPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.ParseDocument(model.Unresolved[string](r.Body.Origin))
	}
	return iamadapt.Document(set, r.Body, "policy")
}

// adaptObjectLock reads object lock from the bucket's object_lock_enabled
// (v4+), an aws_s3_bucket_object_lock_configuration companion, or the v3
// inline object_lock_configuration block.
func adaptObjectLock(r *tfres.Resource, comps tfres.Companions) s3.ObjectLock {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		retention := c.Body.Block("rule").Block("default_retention")
		enabled := is(c.Body.String("object_lock_enabled", "Enabled"), "Enabled")
		if r.Body.Has("object_lock_enabled") {
			enabled = r.Body.Bool("object_lock_enabled", false)
		}
		return s3.ObjectLock{
			Enabled: enabled,
			Mode:    retention.String("mode", ""),
			Days:    retention.Int("days", 0),
			Years:   retention.Int("years", 0),
		}
	case !certain:
		u := model.Unresolved[int](r.Body.Origin)
		return s3.ObjectLock{
			Enabled: model.Unresolved[bool](r.Body.Origin),
			Mode:    model.Unresolved[string](r.Body.Origin),
			Days:    u,
			Years:   u,
		}
	}
	inline := r.Body.Block("object_lock_configuration")
	retention := inline.Block("rule").Block("default_retention")
	enabled := r.Body.Bool("object_lock_enabled", false)
	if inline.Has("object_lock_enabled") {
		enabled = is(inline.String("object_lock_enabled", ""), "Enabled")
	}
	return s3.ObjectLock{
		Enabled: enabled,
		Mode:    retention.String("mode", ""),
		Days:    retention.Int("days", 0),
		Years:   retention.Int("years", 0),
	}
}

// adaptLifecycle reads whether lifecycle rules exist, from an
// aws_s3_bucket_lifecycle_configuration companion or v3 lifecycle_rule
// blocks.
func adaptLifecycle(r *tfres.Resource, comps tfres.Companions) s3.Lifecycle {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		if !c.Body.BlocksKnown("rule") {
			return s3.Lifecycle{Configured: model.Unresolved[bool](c.Body.Origin)}
		}
		return s3.Lifecycle{Configured: model.Set(len(c.Body.Blocks("rule")) > 0, c.Body.Origin)}
	case !certain:
		return s3.Lifecycle{Configured: model.Unresolved[bool](r.Body.Origin)}
	}
	rules := r.Body.Blocks("lifecycle_rule")
	switch {
	case !r.Body.BlocksKnown("lifecycle_rule"):
		return s3.Lifecycle{Configured: model.Unresolved[bool](r.Body.Origin)}
	case len(rules) == 0:
		return s3.Lifecycle{Configured: model.Default(false, r.Body.Origin)}
	}
	return s3.Lifecycle{Configured: model.Set(true, rules[0].Origin)}
}

func is(s model.String, want string) model.Bool {
	return model.Derive(s, func(v string) bool { return v == want })
}
