/** Photos sent to the API: bounded uploads, verification of two photos, identification of one. */
package io.facetrail.api.photos;
