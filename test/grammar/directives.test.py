# SYNTAX TEST "source.python" "amlint directives in Python comments (syntaxes/amlint-directives.tmLanguage.json)"

## a trailing directive with one code and a reason
ws = Workspace.from_config()  # amlint: disable=AML101 -- migrating next sprint
#                               ^^^^^^ comment.line.number-sign.python meta.directive.amlint keyword.other.amlint
#                                     ^ punctuation.separator.key-value.amlint
#                                       ^^^^^^^ keyword.control.directive.amlint
#                                              ^ keyword.operator.assignment.amlint
#                                               ^^^^^^ meta.directive.amlint meta.rule-codes.amlint constant.other.rule-code.amlint
#                                                      ^^ punctuation.separator.reason.amlint
#                                                         ^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python meta.directive.amlint string.unquoted.reason.amlint
# <-- - meta.directive.amlint

## disable-next-line with two codes
# amlint: disable-next-line=AML101,AML002 -- reason
# ^^^^^^ keyword.other.amlint
#         ^^^^^^^^^^^^^^^^^ keyword.control.directive.amlint
#                           ^^^^^^ constant.other.rule-code.amlint
#                                 ^ punctuation.separator.comma.amlint
#                                  ^^^^^^ constant.other.rule-code.amlint
#                                            ^^^^^^ string.unquoted.reason.amlint

## disable-file
# amlint: disable-file=AML100
# ^^^^^^ keyword.other.amlint
#         ^^^^^^^^^^^^ keyword.control.directive.amlint
#                     ^ keyword.operator.assignment.amlint
#                      ^^^^^^ constant.other.rule-code.amlint

## disable-cell
# amlint: disable-cell=AML101 -- demo cell
# ^^^^^^ keyword.other.amlint
#         ^^^^^^^^^^^^ keyword.control.directive.amlint
#                     ^ keyword.operator.assignment.amlint
#                      ^^^^^^ constant.other.rule-code.amlint
#                                ^^^^^^^^^ string.unquoted.reason.amlint

## no spaces after #, spaces around = and codes; prefixes and lower case are codes too
#amlint:disable-file = AML1, aml102 ,AML003
#^^^^^^ keyword.other.amlint
#       ^^^^^^^^^^^^ keyword.control.directive.amlint
#                      ^^^^ constant.other.rule-code.amlint
#                            ^^^^^^ constant.other.rule-code.amlint
#                                    ^^^^^^ constant.other.rule-code.amlint

## without codes: every rule
# amlint: disable -- whole line, every rule
#         ^^^^^^^ keyword.control.directive.amlint
#                 ^^ punctuation.separator.reason.amlint
#                    ^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.reason.amlint

## disable-next-line without codes
# amlint: disable-next-line
#         ^^^^^^^^^^^^^^^^^ keyword.control.directive.amlint

## invalid codes: not AML + 1-3 digits
# amlint: disable=AML101,FOO2,AML1234 -- bad codes
#                 ^^^^^^ constant.other.rule-code.amlint - invalid.illegal.rule-code.amlint
#                        ^^^^ invalid.illegal.rule-code.amlint - constant.other.rule-code.amlint
#                             ^^^^^^^ invalid.illegal.rule-code.amlint - constant.other.rule-code.amlint
#                                        ^^^^^^^^^ string.unquoted.reason.amlint

## a reason without -- makes the item no code (the engine reads "AML101 BECAUSE IT IS FINE")
# amlint: disable=AML101 because it is fine
#                 ^^^^^^^^^^^^^^^^^^^^^^^^^ invalid.illegal.rule-code.amlint - constant.other.rule-code.amlint

## garbage after =
# amlint: disable=@AML101
#                 ^^^^^^^ invalid.illegal.rule-code.amlint - constant.other.rule-code.amlint

## after another comment tag
x = 1  # noqa # amlint: disable=AML101
#        ^^^^ comment.line.number-sign.python - meta.directive.amlint
#               ^^^^^^ keyword.other.amlint
#                               ^^^^^^ constant.other.rule-code.amlint

## not a directive: missing colon
# amlint disable=AML101
# ^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python - meta.directive.amlint constant.other.rule-code.amlint keyword.control.directive.amlint

## not a directive: the comment does not start with it
# see amlint: disable=AML101
#     ^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python - meta.directive.amlint constant.other.rule-code.amlint

## not a directive: unknown keyword
# amlint: disabled=AML101
#         ^^^^^^^^^^^^^^^ comment.line.number-sign.python - keyword.control.directive.amlint constant.other.rule-code.amlint

## not a comment: inside a string
s = "# amlint: disable=AML101"
#      ^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.python - meta.directive.amlint constant.other.rule-code.amlint

## the Python grammar still works in comments
# TODO amlint: check this
# ^^^^ keyword.codetag.notation.python
#      ^^^^^^ - keyword.other.amlint
