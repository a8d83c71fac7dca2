/**
 * Text from users and files shown to people: which characters may rewrite a terminal or reorder
 * what is displayed (control characters, bidi overrides and isolates), and printing such text
 * safely ({@link io.facetrail.runtime.text.DisplayText}).
 */
package io.facetrail.runtime.text;
