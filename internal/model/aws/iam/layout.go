package iam

import (
	"slices"

	"github.com/vigil-sec/vigil/internal/model"
)

// Layout says where the parts of a policy document sit in its text, and what
// in the text the parser tolerated that AWS would not: duplicate keys,
// elements it does not know or that are written in another case, values of
// the wrong JSON type, a syntax error. ParseDocument records it in one pass
// over the text, which also places a syntax error, so a validator or a
// check can point at a line without reading the text again.
//
// It describes what the parser read: of a key written twice in one object,
// the last (as encoding/json does), and Statements parallels
// Document.Statements whenever the document parsed (Err is empty).
//
// Spans are byte offsets, 8 bytes each, kept in a few shared blocks; Lines
// turns them into lines and columns (counted in bytes, as go/token counts
// them) only when a finding is reported. A layout takes less memory than
// the document's parsed statements.
type Layout struct {
	// Lines holds the offset at which each line of the text starts.
	Lines []int32
	// Elements are the top-level policy elements: Version, Id, Statement.
	Elements []ElementPos
	// Statements holds one entry per statement written.
	Statements []StatementPos
	// Problems are in text order. A text that is not JSON has one: the
	// syntax error.
	Problems []Problem
}

// TextPos is a span of a document's text: the byte offsets of its first
// byte and of the byte just after it.
type TextPos struct {
	Start, End int32
}

// StatementPos locates one statement and its parts.
type StatementPos struct {
	// Pos spans the statement value, braces included.
	Pos TextPos
	// Elements are the statement's elements, in text order.
	Elements []ElementPos
	// Conditions parallels Statement.Condition.
	Conditions []ConditionPos
}

// ElementPos locates one policy element: a key with its value.
type ElementPos struct {
	Elem Element
	// Name is the key as written ("Action", "effect", "StringEquals").
	Name string
	// Pos spans the key and its value.
	Pos TextPos
	// Kind is the JSON type of the value.
	Kind ValueKind
	// Items parallels the element's parsed list (Action, Resource, a
	// principal type's identifiers): one span per item, a single string
	// value being one item. For a string element (Version, Sid, Effect, a
	// Principal of "*") it holds the string's span.
	Items []TextPos
	// Members are the keys of an object value: a Principal's principal
	// types (AWS, Service, ...) or a Condition's operators.
	Members []ElementPos
}

// ConditionPos locates one operator/key pair of a Condition block. For a
// block or an operator given as Unknown, the unknown string stands for the
// parts it hides.
type ConditionPos struct {
	Operator, Key TextPos
	// Values parallels Condition.Values.
	Values []TextPos
}

// Element names a policy element: a key of the document, of a statement or of
// a Principal, or a Condition operator.
type Element uint8

// Policy elements.
const (
	ElemVersion Element = iota + 1
	ElemID
	ElemStatement
	ElemSid
	ElemEffect
	ElemPrincipal
	ElemNotPrincipal
	ElemAction
	ElemNotAction
	ElemResource
	ElemNotResource
	ElemCondition
	// Principal types, members of a Principal or NotPrincipal.
	ElemAWS
	ElemService
	ElemFederated
	ElemCanonicalUser
	// ElemOperator is a Condition operator; its Name says which.
	ElemOperator
)

var elementNames = [...]string{
	ElemVersion: "Version", ElemID: "Id", ElemStatement: "Statement",
	ElemSid: "Sid", ElemEffect: "Effect", ElemPrincipal: "Principal", ElemNotPrincipal: "NotPrincipal",
	ElemAction: "Action", ElemNotAction: "NotAction", ElemResource: "Resource", ElemNotResource: "NotResource",
	ElemCondition: "Condition", ElemAWS: "AWS", ElemService: "Service", ElemFederated: "Federated",
	ElemCanonicalUser: "CanonicalUser", ElemOperator: "Condition operator",
}

// String returns the element's name as AWS spells it.
func (e Element) String() string {
	if int(e) < len(elementNames) {
		return elementNames[e]
	}
	return ""
}

// ValueKind is the JSON type of a value.
type ValueKind uint8

// JSON value types.
const (
	KindNull ValueKind = iota + 1
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

// Problem is something in a document's text the parser tolerated or could
// not read.
type Problem struct {
	Kind ProblemKind
	// Elem is the element the problem is in (ElemAction for an item of the
	// wrong type); zero for the document itself.
	Elem Element
	// Text is the key as written (duplicate, unknown and case problems), or
	// what is wrong (syntax and type problems).
	Text string
	Pos  TextPos
}

// ProblemKind says what a Problem is.
type ProblemKind uint8

// Problem kinds.
const (
	// ProblemSyntax is a JSON syntax error; Pos is where reading stopped.
	ProblemSyntax ProblemKind = iota + 1
	// ProblemDuplicate is a key written twice in one object (for policy
	// elements: in any case). The parser keeps the last, except that list
	// elements such as Action concatenate an array written after another.
	ProblemDuplicate
	// ProblemUnknownElement is a key that is no policy element of its
	// object (or no principal type), at the key.
	ProblemUnknownElement
	// ProblemElementCase is a policy element written in another case
	// ("effect"): the parser reads it, AWS does not.
	ProblemElementCase
	// ProblemType is a value of the wrong JSON type for its element, such
	// as a number in Action or a Statement that is a string.
	ProblemType
)

// Element returns the document-level element e, if the text has it.
func (l *Layout) Element(e Element) (ElementPos, bool) { return findElement(l.Elements, e) }

// Element returns the statement's element e, if it has it.
func (s StatementPos) Element(e Element) (ElementPos, bool) { return findElement(s.Elements, e) }

// Member returns the member m of an object element (a principal type of a
// Principal), if it has it.
func (e ElementPos) Member(m Element) (ElementPos, bool) { return findElement(e.Members, m) }

func findElement(es []ElementPos, e Element) (ElementPos, bool) {
	for _, p := range es {
		if p.Elem == e {
			return p, true
		}
	}
	return ElementPos{}, false
}

// Position returns the 1-based line and column of a byte offset of the
// text; columns count bytes.
func (l *Layout) Position(off int32) (line, col int) {
	i, found := slices.BinarySearch(l.Lines, off)
	if !found {
		i--
	}
	return i + 1, int(off-l.Lines[i]) + 1
}

// Range places p in a file, given at: where the document text starts there
// (at.File, at.StartLine, at.StartCol; a zero line or column means the text
// starts the file, or its line). It is meaningful only when the text sits in
// the file verbatim: a JSON policy file, a heredoc. A text rendered from HCL
// or decoded from an escaped string has no such place; the caller decides.
func (l *Layout) Range(p TextPos, at model.Range) model.Range {
	line0, col0 := max(at.StartLine, 1), max(at.StartCol, 1)
	place := func(off int32) (int, int) {
		line, col := l.Position(off)
		if line == 1 {
			return line0, col0 + col - 1
		}
		return line0 + line - 1, col
	}
	r := model.Range{File: at.File}
	r.StartLine, r.StartCol = place(p.Start)
	r.EndLine, r.EndCol = place(p.End)
	return r
}
