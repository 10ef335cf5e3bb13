package sqs

import (
	"encoding/json"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/model/aws/sqs"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var queueTypes = []string{"aws_sqs_queue"}

// Adapt builds the SQS state from evaluated resources.
func Adapt(set *tfres.Set) sqs.State {
	var st sqs.State
	policies := set.Attach("aws_sqs_queue_policy", "queue_url", queueTypes)
	redrives := set.Attach("aws_sqs_queue_redrive_policy", "queue_url", queueTypes)
	for _, r := range set.OfType("aws_sqs_queue") {
		b := r.Body
		name := queueName(b)
		key := kmsadapt.KeyRef(set, b, "kms_master_key_id")
		st.Queues = append(st.Queues, &sqs.Queue{
			Resource:            r.Identity(name.Val()),
			QueueName:           name,
			FIFO:                b.Bool("fifo_queue", false),
			SQSManagedSSE:       sqsManagedSSE(b, key),
			EncryptionKey:       key,
			Policy:              policy(set, r, policies),
			DeadLetterTargetARN: deadLetterTarget(r, redrives),
		})
	}
	return st
}

// queueName is the queue's name; with name_prefix (or neither) it is
// generated at apply time.
func queueName(b *tfres.Block) model.String {
	if b.Has("name") || b.Unknown() {
		return b.String("name", "")
	}
	return model.Unresolved[string](b.Origin)
}

// sqsManagedSSE reads sqs_managed_sse_enabled. The provider leaves it to
// SQS when unset, and SQS has encrypted every new queue with SSE-SQS by
// default since October 2022, unless a KMS key is set (the two exclude each
// other). A reference to a declared key names a key even before its ARN is
// known, so the default is known then too.
func sqsManagedSSE(b *tfres.Block, key kms.KeyRef) model.Bool {
	if b.Has("sqs_managed_sse_enabled") || b.Unknown() {
		return b.Bool("sqs_managed_sse_enabled", false)
	}
	named, ok := key.Named().Get()
	if !ok {
		return model.Unresolved[bool](b.Origin)
	}
	return model.Default(!named, b.Origin)
}

// policy reads the queue policy from an aws_sqs_queue_policy companion, which
// replaces the inline policy argument, or from that argument. Without either,
// the policy is iam.Absent (owner-only access).
func policy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.ParseDocument(model.Unresolved[string](r.Body.Origin))
	}
	return iamadapt.Document(set, r.Body, "policy")
}

// deadLetterTarget reads deadLetterTargetArn from the redrive policy JSON of
// an aws_sqs_queue_redrive_policy companion or the inline argument.
func deadLetterTarget(r *tfres.Resource, comps tfres.Companions) model.String {
	c, certain := comps.For(r)
	var text model.String
	switch {
	case c != nil:
		text = c.Body.String("redrive_policy", "")
	case !certain:
		return model.Unresolved[string](r.Body.Origin)
	default:
		text = r.Body.String("redrive_policy", "")
	}
	s, ok := text.Get()
	if !ok || s == "" {
		return text
	}
	var rp struct {
		DeadLetterTargetARN string `json:"deadLetterTargetArn"`
	}
	if err := json.Unmarshal([]byte(s), &rp); err != nil {
		return model.Unresolved[string](text.Origin)
	}
	return model.Derive(text, func(string) string { return rp.DeadLetterTargetARN })
}
