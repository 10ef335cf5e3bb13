package secretsmanager

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/secretsmanager"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var secretTypes = []string{"aws_secretsmanager_secret"}

// Adapt builds the Secrets Manager state from evaluated resources:
// aws_secretsmanager_secret joined with its rotation and policy companions,
// and secret versions without their values.
func Adapt(set *tfres.Set) secretsmanager.State {
	rotations := set.Attach("aws_secretsmanager_secret_rotation", "secret_id", secretTypes, "name", "arn")
	policies := set.Attach("aws_secretsmanager_secret_policy", "secret_arn", secretTypes, "name", "arn")
	var st secretsmanager.State
	secrets := map[string]*secretsmanager.Secret{}
	for _, r := range set.OfType("aws_secretsmanager_secret") {
		b := r.Body
		name := b.String("name", "")
		if !b.Has("name") {
			name = model.Unresolved[string](b.Origin)
		}
		s := &secretsmanager.Secret{
			Resource:           r.Identity(name.Val()),
			SecretName:         name,
			ARN:                model.Unresolved[string](b.Origin),
			KMSKey:             kmsadapt.KeyRef(set, b, "kms_key_id"),
			RecoveryWindowDays: b.Int("recovery_window_in_days", 30),
			Rotation:           adaptRotation(r, rotations),
			Policy:             adaptPolicy(set, r, policies),
		}
		for _, rb := range b.Blocks("replica") {
			s.Replicas = append(s.Replicas, secretsmanager.Replica{
				Region: rb.String("region", ""),
				KMSKey: kmsadapt.KeyRef(set, rb, "kms_key_id"),
			})
		}
		secrets[r.Address] = s
		st.Secrets = append(st.Secrets, s)
	}
	for _, r := range set.OfType("aws_secretsmanager_secret_version") {
		b := r.Body
		v := &secretsmanager.Version{
			Resource: r.Identity(""),
			SecretID: b.String("secret_id", ""),
			// Only whether a value is set is read, never the value.
			HasValue:      hasAny(b, "secret_string", "secret_binary", "secret_string_wo"),
			VersionStages: b.StringList("version_stages"),
		}
		if t, link := set.Resolve(b, "secret_id", secretTypes, "name", "arn"); link == tfres.Linked {
			v.SecretResourceID = secrets[t.Address].ID
		}
		st.Versions = append(st.Versions, v)
	}
	return st
}

// adaptRotation reads rotation from an aws_secretsmanager_secret_rotation
// companion, or the rotation arguments provider v3 had on the secret.
func adaptRotation(r *tfres.Resource, comps tfres.Companions) secretsmanager.Rotation {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		rules := c.Body.Block("rotation_rules")
		return secretsmanager.Rotation{
			Enabled:            model.Set(true, c.Body.Origin),
			LambdaARN:          c.Body.String("rotation_lambda_arn", ""),
			AfterDays:          rules.Int("automatically_after_days", 0),
			ScheduleExpression: rules.String("schedule_expression", ""),
		}
	case !certain:
		o := r.Body.Origin
		return secretsmanager.Rotation{
			Enabled:            model.Unresolved[bool](o),
			LambdaARN:          model.Unresolved[string](o),
			AfterDays:          model.Unresolved[int](o),
			ScheduleExpression: model.Unresolved[string](o),
		}
	}
	rules := r.Body.Block("rotation_rules")
	rot := secretsmanager.Rotation{
		Enabled:            model.Default(false, r.Body.Origin),
		LambdaARN:          r.Body.String("rotation_lambda_arn", ""),
		AfterDays:          rules.Int("automatically_after_days", 0),
		ScheduleExpression: rules.String("schedule_expression", ""),
	}
	switch {
	case rules.Unknown():
		rot.Enabled = model.Unresolved[bool](r.Body.Origin)
	case rules.Present():
		rot.Enabled = model.Set(true, rules.Origin)
	}
	return rot
}

// adaptPolicy reads the resource policy from an
// aws_secretsmanager_secret_policy companion or the secret's policy argument.
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

// hasAny reports whether one of the attributes is set, without reading it.
func hasAny(b *tfres.Block, names ...string) model.Bool {
	for _, n := range names {
		if a := b.Attr(n); a != nil {
			return model.Set(true, a.Origin)
		}
	}
	if b.Unknown() {
		return model.Unresolved[bool](b.Origin)
	}
	return model.Default(false, b.Origin)
}
