package ec2

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func (a *adapter) volume(r *tfres.Resource) *ec2.Volume {
	if v, ok := a.volumes[r.Address]; ok {
		return v
	}
	b := r.Body
	v := &ec2.Volume{
		Resource:         r.Identity(""),
		AvailabilityZone: b.String("availability_zone", ""),
		SnapshotID:       a.set.LinkID(b, "snapshot_id", snapshotTypes),
		VolumeType:       b.String("type", "gp2"),
		Size:             b.Int("size", 0),
	}
	a.volumes[r.Address] = v
	v.Encrypted = a.d.encrypted(b, "encrypted", a.snapshotEncrypted(b, "snapshot_id"))
	v.EncryptionKey = a.d.kmsKey(a.set, b, "kms_key_id")
	return v
}

func (a *adapter) snapshot(r *tfres.Resource) *ec2.Snapshot {
	if s, ok := a.snapshots[r.Address]; ok {
		return s
	}
	b := r.Body
	s := &ec2.Snapshot{Resource: r.Identity("")}
	// Registered before its fields are filled, so a (malformed) cycle
	// reads Unknown values instead of recursing.
	a.snapshots[r.Address] = s
	if r.Type == "aws_ebs_snapshot" {
		// A snapshot is encrypted exactly when its volume is.
		s.VolumeID = a.set.LinkID(b, "volume_id", volumeTypes)
		s.Encrypted = model.Unresolved[bool](s.VolumeID.Origin)
		s.EncryptionKey = kms.KeyRef{ID: model.Unresolved[string](s.VolumeID.Origin), CustomerManaged: model.Unresolved[bool](s.VolumeID.Origin)}
		if vr := a.linked(s.VolumeID); vr != nil {
			v := a.volume(vr)
			s.Encrypted, s.EncryptionKey = v.Encrypted, v.EncryptionKey
		}
		return s
	}
	s.SourceSnapshotID = a.set.LinkID(b, "source_snapshot_id", snapshotTypes)
	s.Encrypted = a.d.encrypted(copySource(b), "encrypted", a.snapshotEncrypted(b, "source_snapshot_id"))
	s.EncryptionKey = a.d.kmsKey(a.set, b, "kms_key_id")
	return s
}

// copySource presents a copy's block so that encrypted() reads its source
// attribute as the snapshot it is made from.
func copySource(b *tfres.Block) *tfres.Block {
	c := *b
	c.Attrs = map[string]*tfres.Attribute{}
	for k, v := range b.Attrs {
		c.Attrs[k] = v
	}
	if src, ok := b.Attrs["source_snapshot_id"]; ok {
		c.Attrs["snapshot_id"] = src
	}
	return &c
}

// snapshotEncrypted returns the encryption of the snapshot the attribute of
// b names: Unknown unless it is declared in the configuration.
func (a *adapter) snapshotEncrypted(b *tfres.Block, attr string) model.Bool {
	if !b.Has(attr) {
		return model.Bool{}
	}
	id := a.set.LinkID(b, attr, snapshotTypes)
	if sr := a.linked(id); sr != nil {
		return a.snapshot(sr).Encrypted
	}
	return model.Unresolved[bool](id.Origin)
}

// linked returns the declared resource a reference value names, or nil.
func (a *adapter) linked(id model.String) *tfres.Resource {
	addr, ok := id.Get()
	if !ok || addr == "" {
		return nil
	}
	return a.set.Get(addr)
}

func (a *adapter) image(r *tfres.Resource) *ec2.Image {
	if im, ok := a.images[r.Address]; ok {
		return im
	}
	b := r.Body
	im := &ec2.Image{Resource: r.Identity(b.String("name", "").Val())}
	a.images[r.Address] = im
	switch r.Type {
	case "aws_ami":
		im.ImdsSupport = b.String("imds_support", "")
		for _, eb := range b.Blocks("ebs_block_device") {
			dev := &ec2.BlockDevice{
				Origin:     eb.Origin,
				DeviceName: eb.String("device_name", ""),
				SnapshotID: a.set.LinkID(eb, "snapshot_id", snapshotTypes),
				VolumeType: eb.String("volume_type", "standard"),
				VolumeSize: eb.Int("volume_size", 0),
			}
			dev.Root = dev.DeviceName.Known() && dev.DeviceName.Val() == b.String("root_device_name", "").Val()
			dev.Encrypted = a.d.encrypted(eb, "encrypted", a.snapshotEncrypted(eb, "snapshot_id"))
			dev.EncryptionKey = a.d.kmsKey(a.set, eb, "kms_key_id")
			im.BlockDevices = append(im.BlockDevices, dev)
		}
	case "aws_ami_copy":
		im.SourceImageID = a.set.LinkID(b, "source_ami_id", imageTypes)
		im.BlockDevices = a.copiedDevices(b, im.SourceImageID)
	case "aws_ami_from_instance":
		im.SourceImageID = model.Default("", b.Origin)
	}
	return im
}

// copiedDevices returns the block devices of an AMI copy: the source's,
// encrypted when the copy asks for it or the account encrypts by default.
func (a *adapter) copiedDevices(b *tfres.Block, source model.String) []*ec2.BlockDevice {
	enc := b.Bool("encrypted", false)
	key := a.d.kmsKey(a.set, b, "kms_key_id")
	var src []*ec2.BlockDevice
	if sr := a.linked(source); sr != nil {
		src = a.image(sr).BlockDevices
	}
	if src == nil {
		// The source's devices are unknown: only an encrypted copy is known
		// to be encrypted.
		dev := &ec2.BlockDevice{Origin: b.Origin, Encrypted: model.Unresolved[bool](enc.Origin), EncryptionKey: key}
		if enc.Is(true) || a.d.ebsEncryption.Is(true) {
			dev.Encrypted = a.d.encrypted(b, "encrypted", model.Bool{})
		}
		return []*ec2.BlockDevice{dev}
	}
	var out []*ec2.BlockDevice
	for _, s := range src {
		dev := *s
		dev.Origin = b.Origin
		switch {
		case s.Encrypted.Is(true):
		case enc.Is(true):
			dev.Encrypted, dev.EncryptionKey = enc, key
		case a.d.ebsEncryption.Is(true):
			dev.Encrypted, dev.EncryptionKey = model.Default(true, enc.Origin), key
		case s.Encrypted.Is(false) && enc.Known():
			dev.Encrypted = enc
		default:
			dev.Encrypted = model.Unresolved[bool](enc.Origin)
		}
		out = append(out, &dev)
	}
	return out
}
