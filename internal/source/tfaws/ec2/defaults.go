package ec2

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// accountDefaults are the account-level settings declared in the
// configuration that decide what resources get when they leave a setting out.
type accountDefaults struct {
	// ebsEncryption is whether new volumes are encrypted by default; unknown
	// when a declared setting could not be resolved.
	ebsEncryption model.Bool
	// ebsKey is the default EBS key when one is declared (ID "", the AWS
	// managed aws/ebs key, otherwise).
	ebsKey kms.KeyRef
	// imdsTokens is the account's default http_tokens ("" for no preference).
	imdsTokens model.String
}

func readDefaults(set *tfres.Set, st *ec2.State) accountDefaults {
	d := accountDefaults{
		ebsEncryption: model.Default(false, model.Origin{}),
		ebsKey:        kms.KeyRef{ID: model.Default("", model.Origin{}), CustomerManaged: model.Default(false, model.Origin{})},
		imdsTokens:    model.Default("", model.Origin{}),
	}
	for _, r := range set.OfType("aws_ebs_encryption_by_default") {
		e := &ec2.EBSEncryptionByDefault{Resource: r.Identity(""), Enabled: r.Body.Bool("enabled", true)}
		st.EBSEncryptionByDefault = append(st.EBSEncryptionByDefault, e)
		switch {
		case e.Enabled.Is(true):
			d.ebsEncryption = e.Enabled
		case !e.Enabled.Known() && !d.ebsEncryption.Is(true):
			d.ebsEncryption = e.Enabled
		}
	}
	for _, r := range set.OfType("aws_ebs_default_kms_key") {
		k := &ec2.EBSDefaultKMSKey{Resource: r.Identity(""), Key: kmsadapt.KeyRef(set, r.Body, "key_arn")}
		st.EBSDefaultKMSKeys = append(st.EBSDefaultKMSKeys, k)
		d.ebsKey = k.Key
	}
	for _, r := range set.OfType("aws_ec2_instance_metadata_defaults") {
		t := r.Body.String("http_tokens", "no-preference")
		d.imdsTokens = model.Derive(t, func(s string) string {
			if s == "no-preference" {
				return ""
			}
			return s
		})
	}
	return d
}

// encrypted returns whether a volume a block describes is encrypted: its
// own attribute when set, the source snapshot's encryption when it is made
// from one, the account default otherwise.
func (d accountDefaults) encrypted(b *tfres.Block, attr string, fromSnapshot model.Bool) model.Bool {
	if b.Has(attr) || b.Unknown() {
		e := b.Bool(attr, false)
		if e.Is(false) && b.Has("snapshot_id") && !fromSnapshot.Is(false) {
			// A volume made from an encrypted snapshot is encrypted whatever
			// the attribute says.
			return fromSnapshot
		}
		if e.Is(false) && d.ebsEncryption.Is(true) {
			return model.Default(true, e.Origin)
		}
		return e
	}
	if b.Has("snapshot_id") {
		if fromSnapshot.Is(true) || !fromSnapshot.Known() {
			return fromSnapshot
		}
	}
	switch {
	case d.ebsEncryption.Is(true):
		return model.Default(true, b.Origin)
	case !d.ebsEncryption.Known():
		return model.Unresolved[bool](b.Origin)
	}
	return model.Default(false, b.Origin)
}

// kmsKey returns the key a volume is encrypted with: its own kms_key_id, or
// the account's default key (ID "" for the AWS managed aws/ebs key), which
// then applies at b, where the volume would name its own.
func (d accountDefaults) kmsKey(set *tfres.Set, b *tfres.Block, attr string) kms.KeyRef {
	if b.Has(attr) || b.Unknown() {
		return kmsadapt.KeyRef(set, b, attr)
	}
	return kms.KeyRef{ID: defaultedAt(d.ebsKey.ID, b.Origin), CustomerManaged: defaultedAt(d.ebsKey.CustomerManaged, b.Origin)}
}

// defaultedAt is an account default v as it applies at o.
func defaultedAt[T comparable](v model.Value[T], o model.Origin) model.Value[T] {
	if x, ok := v.Get(); ok {
		return model.Default(x, o)
	}
	return model.Unresolved[T](o)
}

// tokens returns the http_tokens setting of a metadata_options block, the
// account default when absent, and "optional" when that is no preference:
// what EC2 applies unless the AMI asks for IMDSv2.
func (d accountDefaults) tokens(mo *tfres.Block) model.String {
	if mo.Has("http_tokens") || mo.Unknown() {
		return mo.String("http_tokens", "optional")
	}
	v, ok := d.imdsTokens.Get()
	switch {
	case !ok:
		return model.Unresolved[string](mo.Origin)
	case v == "":
		return model.Default("optional", mo.Origin)
	}
	return model.Default(v, mo.Origin)
}
