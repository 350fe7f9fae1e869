package ru.zamena.server;

/**
 * A request the HTTP layer itself refuses (bad parameter, missing key, upload too large), with the
 * status to answer and, for 400, the parameter at fault. The message is shown to the client.
 */
final class ApiException extends RuntimeException {
    final int status;
    final String parameter;

    ApiException(int status, String detail, String parameter) {
        super(detail, null, false, false); // expected outcome, no stack trace needed
        this.status = status;
        this.parameter = parameter;
    }

    static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, detail, parameter);
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, detail, null);
    }
}
