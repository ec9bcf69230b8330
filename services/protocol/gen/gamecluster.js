/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const gamecluster = $root.gamecluster = (() => {

    /**
     * Namespace gamecluster.
     * @exports gamecluster
     * @namespace
     */
    const gamecluster = {};

    gamecluster.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof gamecluster
         * @namespace
         */
        const v1 = {};

        /**
         * ReturnCode enum.
         * @name gamecluster.v1.ReturnCode
         * @enum {number}
         * @property {number} RETURN_CODE_OK=0 RETURN_CODE_OK value
         * @property {number} RETURN_CODE_UNKNOWN=1 RETURN_CODE_UNKNOWN value
         * @property {number} RETURN_CODE_ACCOUNT_NOT_FOUND=2 RETURN_CODE_ACCOUNT_NOT_FOUND value
         * @property {number} RETURN_CODE_PASSWORD_WRONG=3 RETURN_CODE_PASSWORD_WRONG value
         * @property {number} RETURN_CODE_NO_APP=4 RETURN_CODE_NO_APP value
         * @property {number} RETURN_CODE_TOKEN_INVALID=5 RETURN_CODE_TOKEN_INVALID value
         * @property {number} RETURN_CODE_BUSY=6 RETURN_CODE_BUSY value
         * @property {number} RETURN_CODE_ALREADY_ONLINE=7 RETURN_CODE_ALREADY_ONLINE value
         * @property {number} RETURN_CODE_NOT_AUTHENTICATED=8 RETURN_CODE_NOT_AUTHENTICATED value
         * @property {number} RETURN_CODE_QUEUED=9 RETURN_CODE_QUEUED value
         */
        v1.ReturnCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RETURN_CODE_OK"] = 0;
            values[valuesById[1] = "RETURN_CODE_UNKNOWN"] = 1;
            values[valuesById[2] = "RETURN_CODE_ACCOUNT_NOT_FOUND"] = 2;
            values[valuesById[3] = "RETURN_CODE_PASSWORD_WRONG"] = 3;
            values[valuesById[4] = "RETURN_CODE_NO_APP"] = 4;
            values[valuesById[5] = "RETURN_CODE_TOKEN_INVALID"] = 5;
            values[valuesById[6] = "RETURN_CODE_BUSY"] = 6;
            values[valuesById[7] = "RETURN_CODE_ALREADY_ONLINE"] = 7;
            values[valuesById[8] = "RETURN_CODE_NOT_AUTHENTICATED"] = 8;
            values[valuesById[9] = "RETURN_CODE_QUEUED"] = 9;
            return values;
        })();

        /**
         * AppType enum.
         * @name gamecluster.v1.AppType
         * @enum {number}
         * @property {number} APP_TYPE_UNSPECIFIED=0 APP_TYPE_UNSPECIFIED value
         * @property {number} APP_TYPE_LOGIN=1 APP_TYPE_LOGIN value
         * @property {number} APP_TYPE_GAME=2 APP_TYPE_GAME value
         * @property {number} APP_TYPE_APPMGR=4 APP_TYPE_APPMGR value
         */
        v1.AppType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "APP_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "APP_TYPE_LOGIN"] = 1;
            values[valuesById[2] = "APP_TYPE_GAME"] = 2;
            values[valuesById[4] = "APP_TYPE_APPMGR"] = 4;
            return values;
        })();

        /**
         * AppState enum.
         * @name gamecluster.v1.AppState
         * @enum {number}
         * @property {number} APP_STATE_UNSPECIFIED=0 APP_STATE_UNSPECIFIED value
         * @property {number} APP_STATE_READY=1 APP_STATE_READY value
         * @property {number} APP_STATE_DRAINING=2 APP_STATE_DRAINING value
         */
        v1.AppState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "APP_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "APP_STATE_READY"] = 1;
            values[valuesById[2] = "APP_STATE_DRAINING"] = 2;
            return values;
        })();

        v1.AppInfoSync = (function() {

            /**
             * Properties of an AppInfoSync.
             * @typedef {Object} gamecluster.v1.AppInfoSync.$Properties
             * @property {string|null} [appId] AppInfoSync appId
             * @property {gamecluster.v1.AppType|null} [appType] AppInfoSync appType
             * @property {number|null} [online] AppInfoSync online
             * @property {string|null} [ip] AppInfoSync ip
             * @property {number|null} [port] AppInfoSync port
             * @property {gamecluster.v1.AppState|null} [state] AppInfoSync state
             * @property {number|null} [tsMs] AppInfoSync tsMs
             * @property {number|null} [capacity] AppInfoSync capacity
             * @property {number|null} [wsPort] AppInfoSync wsPort
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AppInfoSync.
             * @memberof gamecluster.v1
             * @interface IAppInfoSync
             * @augments gamecluster.v1.AppInfoSync.$Properties
             * @deprecated Use gamecluster.v1.AppInfoSync.$Properties instead.
             */

            /**
             * Shape of an AppInfoSync.
             * @typedef {gamecluster.v1.AppInfoSync.$Properties} gamecluster.v1.AppInfoSync.$Shape
             */

            /**
             * Constructs a new AppInfoSync.
             * @memberof gamecluster.v1
             * @classdesc Represents an AppInfoSync.
             * @constructor
             * @param {gamecluster.v1.AppInfoSync.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AppInfoSync = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AppInfoSync appId.
             * @member {string} appId
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.appId = "";

            /**
             * AppInfoSync appType.
             * @member {gamecluster.v1.AppType} appType
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.appType = 0;

            /**
             * AppInfoSync online.
             * @member {number} online
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.online = 0;

            /**
             * AppInfoSync ip.
             * @member {string} ip
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.ip = "";

            /**
             * AppInfoSync port.
             * @member {number} port
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.port = 0;

            /**
             * AppInfoSync state.
             * @member {gamecluster.v1.AppState} state
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.state = 0;

            /**
             * AppInfoSync tsMs.
             * @member {number} tsMs
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.tsMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AppInfoSync capacity.
             * @member {number} capacity
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.capacity = 0;

            /**
             * AppInfoSync wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.wsPort = 0;

            /**
             * Encodes the specified AppInfoSync message. Does not implicitly {@link gamecluster.v1.AppInfoSync.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AppInfoSync
             * @static
             * @param {gamecluster.v1.AppInfoSync.$Properties} message AppInfoSync message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AppInfoSync.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.appId);
                if (message.appType != null && $Object.hasOwnProperty.call(message, "appType") && message.appType !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.appType);
                if (message.online != null && $Object.hasOwnProperty.call(message, "online") && message.online !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.online);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.port);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.state);
                if (message.tsMs != null && $Object.hasOwnProperty.call(message, "tsMs") && (typeof message.tsMs === "object" ? message.tsMs.low || message.tsMs.high : message.tsMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.tsMs);
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.capacity);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.wsPort);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AppInfoSync message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AppInfoSync
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AppInfoSync & gamecluster.v1.AppInfoSync.$Shape} AppInfoSync
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AppInfoSync.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AppInfoSync();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.appType = value;
                            else
                                delete message.appType;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.online = value;
                            else
                                delete message.online;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.tsMs = value;
                            else
                                delete message.tsMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AppInfoSync;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} gamecluster.v1.Ping.$Properties
             * @property {number|null} [clientTimeMs] Ping clientTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof gamecluster.v1
             * @interface IPing
             * @augments gamecluster.v1.Ping.$Properties
             * @deprecated Use gamecluster.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {gamecluster.v1.Ping.$Properties} gamecluster.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof gamecluster.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {gamecluster.v1.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping clientTimeMs.
             * @member {number} clientTimeMs
             * @memberof gamecluster.v1.Ping
             * @instance
             */
            Ping.prototype.clientTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link gamecluster.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Ping
             * @static
             * @param {gamecluster.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientTimeMs != null && $Object.hasOwnProperty.call(message, "clientTimeMs") && (typeof message.clientTimeMs === "object" ? message.clientTimeMs.low || message.clientTimeMs.high : message.clientTimeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.clientTimeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Ping & gamecluster.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientTimeMs = value;
                            else
                                delete message.clientTimeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Ping;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} gamecluster.v1.Pong.$Properties
             * @property {number|null} [clientTimeMs] Pong clientTimeMs
             * @property {number|null} [serverTimeMs] Pong serverTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof gamecluster.v1
             * @interface IPong
             * @augments gamecluster.v1.Pong.$Properties
             * @deprecated Use gamecluster.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {gamecluster.v1.Pong.$Properties} gamecluster.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof gamecluster.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {gamecluster.v1.Pong.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pong clientTimeMs.
             * @member {number} clientTimeMs
             * @memberof gamecluster.v1.Pong
             * @instance
             */
            Pong.prototype.clientTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Pong serverTimeMs.
             * @member {number} serverTimeMs
             * @memberof gamecluster.v1.Pong
             * @instance
             */
            Pong.prototype.serverTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link gamecluster.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Pong
             * @static
             * @param {gamecluster.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientTimeMs != null && $Object.hasOwnProperty.call(message, "clientTimeMs") && (typeof message.clientTimeMs === "object" ? message.clientTimeMs.low || message.clientTimeMs.high : message.clientTimeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.clientTimeMs);
                if (message.serverTimeMs != null && $Object.hasOwnProperty.call(message, "serverTimeMs") && (typeof message.serverTimeMs === "object" ? message.serverTimeMs.low || message.serverTimeMs.high : message.serverTimeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.serverTimeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Pong & gamecluster.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientTimeMs = value;
                            else
                                delete message.clientTimeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTimeMs = value;
                            else
                                delete message.serverTimeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Pong;
        })();

        v1.Kick = (function() {

            /**
             * Properties of a Kick.
             * @typedef {Object} gamecluster.v1.Kick.$Properties
             * @property {gamecluster.v1.Kick.Reason|null} [reason] Kick reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Kick.
             * @memberof gamecluster.v1
             * @interface IKick
             * @augments gamecluster.v1.Kick.$Properties
             * @deprecated Use gamecluster.v1.Kick.$Properties instead.
             */

            /**
             * Shape of a Kick.
             * @typedef {gamecluster.v1.Kick.$Properties} gamecluster.v1.Kick.$Shape
             */

            /**
             * Constructs a new Kick.
             * @memberof gamecluster.v1
             * @classdesc Represents a Kick.
             * @constructor
             * @param {gamecluster.v1.Kick.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Kick = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Kick reason.
             * @member {gamecluster.v1.Kick.Reason} reason
             * @memberof gamecluster.v1.Kick
             * @instance
             */
            Kick.prototype.reason = 0;

            /**
             * Encodes the specified Kick message. Does not implicitly {@link gamecluster.v1.Kick.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Kick
             * @static
             * @param {gamecluster.v1.Kick.$Properties} message Kick message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Kick.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Kick message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Kick
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Kick & gamecluster.v1.Kick.$Shape} Kick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Kick.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Kick();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Reason enum.
             * @name gamecluster.v1.Kick.Reason
             * @enum {number}
             * @property {number} REASON_UNSPECIFIED=0 REASON_UNSPECIFIED value
             * @property {number} REASON_DUPLICATE_LOGIN=1 REASON_DUPLICATE_LOGIN value
             * @property {number} REASON_SERVER_DRAINING=2 REASON_SERVER_DRAINING value
             * @property {number} REASON_PROTOCOL_ERROR=3 REASON_PROTOCOL_ERROR value
             * @property {number} REASON_IDLE=4 REASON_IDLE value
             * @property {number} REASON_GAME=5 REASON_GAME value
             */
            Kick.Reason = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "REASON_UNSPECIFIED"] = 0;
                values[valuesById[1] = "REASON_DUPLICATE_LOGIN"] = 1;
                values[valuesById[2] = "REASON_SERVER_DRAINING"] = 2;
                values[valuesById[3] = "REASON_PROTOCOL_ERROR"] = 3;
                values[valuesById[4] = "REASON_IDLE"] = 4;
                values[valuesById[5] = "REASON_GAME"] = 5;
                return values;
            })();

            return Kick;
        })();

        v1.AccountCheck = (function() {

            /**
             * Properties of an AccountCheck.
             * @typedef {Object} gamecluster.v1.AccountCheck.$Properties
             * @property {string|null} [account] AccountCheck account
             * @property {string|null} [password] AccountCheck password
             * @property {string|null} [token] AccountCheck token
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AccountCheck.
             * @memberof gamecluster.v1
             * @interface IAccountCheck
             * @augments gamecluster.v1.AccountCheck.$Properties
             * @deprecated Use gamecluster.v1.AccountCheck.$Properties instead.
             */

            /**
             * Shape of an AccountCheck.
             * @typedef {gamecluster.v1.AccountCheck.$Properties} gamecluster.v1.AccountCheck.$Shape
             */

            /**
             * Constructs a new AccountCheck.
             * @memberof gamecluster.v1
             * @classdesc Represents an AccountCheck.
             * @constructor
             * @param {gamecluster.v1.AccountCheck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AccountCheck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AccountCheck account.
             * @member {string} account
             * @memberof gamecluster.v1.AccountCheck
             * @instance
             */
            AccountCheck.prototype.account = "";

            /**
             * AccountCheck password.
             * @member {string} password
             * @memberof gamecluster.v1.AccountCheck
             * @instance
             */
            AccountCheck.prototype.password = "";

            /**
             * AccountCheck token.
             * @member {string} token
             * @memberof gamecluster.v1.AccountCheck
             * @instance
             */
            AccountCheck.prototype.token = "";

            /**
             * Encodes the specified AccountCheck message. Does not implicitly {@link gamecluster.v1.AccountCheck.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AccountCheck
             * @static
             * @param {gamecluster.v1.AccountCheck.$Properties} message AccountCheck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccountCheck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.password != null && $Object.hasOwnProperty.call(message, "password") && message.password !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.password);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AccountCheck message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AccountCheck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AccountCheck & gamecluster.v1.AccountCheck.$Shape} AccountCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccountCheck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AccountCheck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.password = value;
                            else
                                delete message.password;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AccountCheck;
        })();

        v1.AccountCheckRs = (function() {

            /**
             * Properties of an AccountCheckRs.
             * @typedef {Object} gamecluster.v1.AccountCheckRs.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] AccountCheckRs returnCode
             * @property {string|null} [playerId] AccountCheckRs playerId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AccountCheckRs.
             * @memberof gamecluster.v1
             * @interface IAccountCheckRs
             * @augments gamecluster.v1.AccountCheckRs.$Properties
             * @deprecated Use gamecluster.v1.AccountCheckRs.$Properties instead.
             */

            /**
             * Shape of an AccountCheckRs.
             * @typedef {gamecluster.v1.AccountCheckRs.$Properties} gamecluster.v1.AccountCheckRs.$Shape
             */

            /**
             * Constructs a new AccountCheckRs.
             * @memberof gamecluster.v1
             * @classdesc Represents an AccountCheckRs.
             * @constructor
             * @param {gamecluster.v1.AccountCheckRs.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AccountCheckRs = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AccountCheckRs returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.AccountCheckRs
             * @instance
             */
            AccountCheckRs.prototype.returnCode = 0;

            /**
             * AccountCheckRs playerId.
             * @member {string} playerId
             * @memberof gamecluster.v1.AccountCheckRs
             * @instance
             */
            AccountCheckRs.prototype.playerId = "";

            /**
             * Encodes the specified AccountCheckRs message. Does not implicitly {@link gamecluster.v1.AccountCheckRs.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AccountCheckRs
             * @static
             * @param {gamecluster.v1.AccountCheckRs.$Properties} message AccountCheckRs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccountCheckRs.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && message.playerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.playerId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AccountCheckRs message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AccountCheckRs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AccountCheckRs & gamecluster.v1.AccountCheckRs.$Shape} AccountCheckRs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccountCheckRs.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AccountCheckRs();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.playerId = value;
                            else
                                delete message.playerId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AccountCheckRs;
        })();

        v1.EnterGame = (function() {

            /**
             * Properties of an EnterGame.
             * @typedef {Object} gamecluster.v1.EnterGame.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnterGame.
             * @memberof gamecluster.v1
             * @interface IEnterGame
             * @augments gamecluster.v1.EnterGame.$Properties
             * @deprecated Use gamecluster.v1.EnterGame.$Properties instead.
             */

            /**
             * Shape of an EnterGame.
             * @typedef {gamecluster.v1.EnterGame.$Properties} gamecluster.v1.EnterGame.$Shape
             */

            /**
             * Constructs a new EnterGame.
             * @memberof gamecluster.v1
             * @classdesc Represents an EnterGame.
             * @constructor
             * @param {gamecluster.v1.EnterGame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnterGame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Encodes the specified EnterGame message. Does not implicitly {@link gamecluster.v1.EnterGame.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.EnterGame
             * @static
             * @param {gamecluster.v1.EnterGame.$Properties} message EnterGame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnterGame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnterGame message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.EnterGame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.EnterGame & gamecluster.v1.EnterGame.$Shape} EnterGame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnterGame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.EnterGame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EnterGame;
        })();

        v1.EnterGameRs = (function() {

            /**
             * Properties of an EnterGameRs.
             * @typedef {Object} gamecluster.v1.EnterGameRs.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] EnterGameRs returnCode
             * @property {string|null} [ip] EnterGameRs ip
             * @property {number|null} [port] EnterGameRs port
             * @property {string|null} [token] EnterGameRs token
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnterGameRs.
             * @memberof gamecluster.v1
             * @interface IEnterGameRs
             * @augments gamecluster.v1.EnterGameRs.$Properties
             * @deprecated Use gamecluster.v1.EnterGameRs.$Properties instead.
             */

            /**
             * Shape of an EnterGameRs.
             * @typedef {gamecluster.v1.EnterGameRs.$Properties} gamecluster.v1.EnterGameRs.$Shape
             */

            /**
             * Constructs a new EnterGameRs.
             * @memberof gamecluster.v1
             * @classdesc Represents an EnterGameRs.
             * @constructor
             * @param {gamecluster.v1.EnterGameRs.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnterGameRs = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnterGameRs returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.EnterGameRs
             * @instance
             */
            EnterGameRs.prototype.returnCode = 0;

            /**
             * EnterGameRs ip.
             * @member {string} ip
             * @memberof gamecluster.v1.EnterGameRs
             * @instance
             */
            EnterGameRs.prototype.ip = "";

            /**
             * EnterGameRs port.
             * @member {number} port
             * @memberof gamecluster.v1.EnterGameRs
             * @instance
             */
            EnterGameRs.prototype.port = 0;

            /**
             * EnterGameRs token.
             * @member {string} token
             * @memberof gamecluster.v1.EnterGameRs
             * @instance
             */
            EnterGameRs.prototype.token = "";

            /**
             * Encodes the specified EnterGameRs message. Does not implicitly {@link gamecluster.v1.EnterGameRs.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.EnterGameRs
             * @static
             * @param {gamecluster.v1.EnterGameRs.$Properties} message EnterGameRs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnterGameRs.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.port);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnterGameRs message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.EnterGameRs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.EnterGameRs & gamecluster.v1.EnterGameRs.$Shape} EnterGameRs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnterGameRs.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.EnterGameRs();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EnterGameRs;
        })();

        v1.LoginByToken = (function() {

            /**
             * Properties of a LoginByToken.
             * @typedef {Object} gamecluster.v1.LoginByToken.$Properties
             * @property {string|null} [account] LoginByToken account
             * @property {string|null} [token] LoginByToken token
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoginByToken.
             * @memberof gamecluster.v1
             * @interface ILoginByToken
             * @augments gamecluster.v1.LoginByToken.$Properties
             * @deprecated Use gamecluster.v1.LoginByToken.$Properties instead.
             */

            /**
             * Shape of a LoginByToken.
             * @typedef {gamecluster.v1.LoginByToken.$Properties} gamecluster.v1.LoginByToken.$Shape
             */

            /**
             * Constructs a new LoginByToken.
             * @memberof gamecluster.v1
             * @classdesc Represents a LoginByToken.
             * @constructor
             * @param {gamecluster.v1.LoginByToken.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoginByToken = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoginByToken account.
             * @member {string} account
             * @memberof gamecluster.v1.LoginByToken
             * @instance
             */
            LoginByToken.prototype.account = "";

            /**
             * LoginByToken token.
             * @member {string} token
             * @memberof gamecluster.v1.LoginByToken
             * @instance
             */
            LoginByToken.prototype.token = "";

            /**
             * Encodes the specified LoginByToken message. Does not implicitly {@link gamecluster.v1.LoginByToken.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.LoginByToken
             * @static
             * @param {gamecluster.v1.LoginByToken.$Properties} message LoginByToken message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginByToken.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LoginByToken message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.LoginByToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.LoginByToken & gamecluster.v1.LoginByToken.$Shape} LoginByToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginByToken.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.LoginByToken();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LoginByToken;
        })();

        v1.LoginByTokenRs = (function() {

            /**
             * Properties of a LoginByTokenRs.
             * @typedef {Object} gamecluster.v1.LoginByTokenRs.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] LoginByTokenRs returnCode
             * @property {string|null} [playerId] LoginByTokenRs playerId
             * @property {string|null} [resumeToken] LoginByTokenRs resumeToken
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoginByTokenRs.
             * @memberof gamecluster.v1
             * @interface ILoginByTokenRs
             * @augments gamecluster.v1.LoginByTokenRs.$Properties
             * @deprecated Use gamecluster.v1.LoginByTokenRs.$Properties instead.
             */

            /**
             * Shape of a LoginByTokenRs.
             * @typedef {gamecluster.v1.LoginByTokenRs.$Properties} gamecluster.v1.LoginByTokenRs.$Shape
             */

            /**
             * Constructs a new LoginByTokenRs.
             * @memberof gamecluster.v1
             * @classdesc Represents a LoginByTokenRs.
             * @constructor
             * @param {gamecluster.v1.LoginByTokenRs.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoginByTokenRs = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoginByTokenRs returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.LoginByTokenRs
             * @instance
             */
            LoginByTokenRs.prototype.returnCode = 0;

            /**
             * LoginByTokenRs playerId.
             * @member {string} playerId
             * @memberof gamecluster.v1.LoginByTokenRs
             * @instance
             */
            LoginByTokenRs.prototype.playerId = "";

            /**
             * LoginByTokenRs resumeToken.
             * @member {string} resumeToken
             * @memberof gamecluster.v1.LoginByTokenRs
             * @instance
             */
            LoginByTokenRs.prototype.resumeToken = "";

            /**
             * Encodes the specified LoginByTokenRs message. Does not implicitly {@link gamecluster.v1.LoginByTokenRs.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.LoginByTokenRs
             * @static
             * @param {gamecluster.v1.LoginByTokenRs.$Properties} message LoginByTokenRs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginByTokenRs.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && message.playerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.playerId);
                if (message.resumeToken != null && $Object.hasOwnProperty.call(message, "resumeToken") && message.resumeToken !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.resumeToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LoginByTokenRs message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.LoginByTokenRs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.LoginByTokenRs & gamecluster.v1.LoginByTokenRs.$Shape} LoginByTokenRs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginByTokenRs.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.LoginByTokenRs();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.playerId = value;
                            else
                                delete message.playerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resumeToken = value;
                            else
                                delete message.resumeToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LoginByTokenRs;
        })();

        v1.Resume = (function() {

            /**
             * Properties of a Resume.
             * @typedef {Object} gamecluster.v1.Resume.$Properties
             * @property {string|null} [account] Resume account
             * @property {string|null} [resumeToken] Resume resumeToken
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Resume.
             * @memberof gamecluster.v1
             * @interface IResume
             * @augments gamecluster.v1.Resume.$Properties
             * @deprecated Use gamecluster.v1.Resume.$Properties instead.
             */

            /**
             * Shape of a Resume.
             * @typedef {gamecluster.v1.Resume.$Properties} gamecluster.v1.Resume.$Shape
             */

            /**
             * Constructs a new Resume.
             * @memberof gamecluster.v1
             * @classdesc Represents a Resume.
             * @constructor
             * @param {gamecluster.v1.Resume.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Resume = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Resume account.
             * @member {string} account
             * @memberof gamecluster.v1.Resume
             * @instance
             */
            Resume.prototype.account = "";

            /**
             * Resume resumeToken.
             * @member {string} resumeToken
             * @memberof gamecluster.v1.Resume
             * @instance
             */
            Resume.prototype.resumeToken = "";

            /**
             * Encodes the specified Resume message. Does not implicitly {@link gamecluster.v1.Resume.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Resume
             * @static
             * @param {gamecluster.v1.Resume.$Properties} message Resume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Resume.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.resumeToken != null && $Object.hasOwnProperty.call(message, "resumeToken") && message.resumeToken !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.resumeToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Resume message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Resume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Resume & gamecluster.v1.Resume.$Shape} Resume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Resume.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Resume();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resumeToken = value;
                            else
                                delete message.resumeToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Resume;
        })();

        v1.ResumeRs = (function() {

            /**
             * Properties of a ResumeRs.
             * @typedef {Object} gamecluster.v1.ResumeRs.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] ResumeRs returnCode
             * @property {string|null} [resumeToken] ResumeRs resumeToken
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ResumeRs.
             * @memberof gamecluster.v1
             * @interface IResumeRs
             * @augments gamecluster.v1.ResumeRs.$Properties
             * @deprecated Use gamecluster.v1.ResumeRs.$Properties instead.
             */

            /**
             * Shape of a ResumeRs.
             * @typedef {gamecluster.v1.ResumeRs.$Properties} gamecluster.v1.ResumeRs.$Shape
             */

            /**
             * Constructs a new ResumeRs.
             * @memberof gamecluster.v1
             * @classdesc Represents a ResumeRs.
             * @constructor
             * @param {gamecluster.v1.ResumeRs.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ResumeRs = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ResumeRs returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.ResumeRs
             * @instance
             */
            ResumeRs.prototype.returnCode = 0;

            /**
             * ResumeRs resumeToken.
             * @member {string} resumeToken
             * @memberof gamecluster.v1.ResumeRs
             * @instance
             */
            ResumeRs.prototype.resumeToken = "";

            /**
             * Encodes the specified ResumeRs message. Does not implicitly {@link gamecluster.v1.ResumeRs.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ResumeRs
             * @static
             * @param {gamecluster.v1.ResumeRs.$Properties} message ResumeRs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResumeRs.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.resumeToken != null && $Object.hasOwnProperty.call(message, "resumeToken") && message.resumeToken !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.resumeToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ResumeRs message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ResumeRs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ResumeRs & gamecluster.v1.ResumeRs.$Shape} ResumeRs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResumeRs.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.ResumeRs();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resumeToken = value;
                            else
                                delete message.resumeToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ResumeRs;
        })();

        v1.Leave = (function() {

            /**
             * Properties of a Leave.
             * @typedef {Object} gamecluster.v1.Leave.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Leave.
             * @memberof gamecluster.v1
             * @interface ILeave
             * @augments gamecluster.v1.Leave.$Properties
             * @deprecated Use gamecluster.v1.Leave.$Properties instead.
             */

            /**
             * Shape of a Leave.
             * @typedef {gamecluster.v1.Leave.$Properties} gamecluster.v1.Leave.$Shape
             */

            /**
             * Constructs a new Leave.
             * @memberof gamecluster.v1
             * @classdesc Represents a Leave.
             * @constructor
             * @param {gamecluster.v1.Leave.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Leave = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Encodes the specified Leave message. Does not implicitly {@link gamecluster.v1.Leave.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Leave
             * @static
             * @param {gamecluster.v1.Leave.$Properties} message Leave message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Leave.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Leave message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Leave
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Leave & gamecluster.v1.Leave.$Shape} Leave
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Leave.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Leave();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Leave;
        })();

        v1.Echo = (function() {

            /**
             * Properties of an Echo.
             * @typedef {Object} gamecluster.v1.Echo.$Properties
             * @property {Uint8Array|null} [payload] Echo payload
             * @property {number|null} [clientTimeMs] Echo clientTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Echo.
             * @memberof gamecluster.v1
             * @interface IEcho
             * @augments gamecluster.v1.Echo.$Properties
             * @deprecated Use gamecluster.v1.Echo.$Properties instead.
             */

            /**
             * Shape of an Echo.
             * @typedef {gamecluster.v1.Echo.$Properties} gamecluster.v1.Echo.$Shape
             */

            /**
             * Constructs a new Echo.
             * @memberof gamecluster.v1
             * @classdesc Represents an Echo.
             * @constructor
             * @param {gamecluster.v1.Echo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Echo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Echo payload.
             * @member {Uint8Array} payload
             * @memberof gamecluster.v1.Echo
             * @instance
             */
            Echo.prototype.payload = $util.newBuffer([]);

            /**
             * Echo clientTimeMs.
             * @member {number} clientTimeMs
             * @memberof gamecluster.v1.Echo
             * @instance
             */
            Echo.prototype.clientTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified Echo message. Does not implicitly {@link gamecluster.v1.Echo.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Echo
             * @static
             * @param {gamecluster.v1.Echo.$Properties} message Echo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Echo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.payload);
                if (message.clientTimeMs != null && $Object.hasOwnProperty.call(message, "clientTimeMs") && (typeof message.clientTimeMs === "object" ? message.clientTimeMs.low || message.clientTimeMs.high : message.clientTimeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.clientTimeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Echo message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Echo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Echo & gamecluster.v1.Echo.$Shape} Echo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Echo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.Echo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientTimeMs = value;
                            else
                                delete message.clientTimeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Echo;
        })();

        v1.AppInfo = (function() {

            /**
             * Properties of an AppInfo.
             * @typedef {Object} gamecluster.v1.AppInfo.$Properties
             * @property {string|null} [appId] AppInfo appId
             * @property {gamecluster.v1.AppType|null} [appType] AppInfo appType
             * @property {number|null} [online] AppInfo online
             * @property {string|null} [ip] AppInfo ip
             * @property {number|null} [port] AppInfo port
             * @property {gamecluster.v1.AppState|null} [state] AppInfo state
             * @property {number|null} [lastSeenMs] AppInfo lastSeenMs
             * @property {number|null} [capacity] AppInfo capacity
             * @property {number|null} [wsPort] AppInfo wsPort
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AppInfo.
             * @memberof gamecluster.v1
             * @interface IAppInfo
             * @augments gamecluster.v1.AppInfo.$Properties
             * @deprecated Use gamecluster.v1.AppInfo.$Properties instead.
             */

            /**
             * Shape of an AppInfo.
             * @typedef {gamecluster.v1.AppInfo.$Properties} gamecluster.v1.AppInfo.$Shape
             */

            /**
             * Constructs a new AppInfo.
             * @memberof gamecluster.v1
             * @classdesc Represents an AppInfo.
             * @constructor
             * @param {gamecluster.v1.AppInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AppInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AppInfo appId.
             * @member {string} appId
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.appId = "";

            /**
             * AppInfo appType.
             * @member {gamecluster.v1.AppType} appType
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.appType = 0;

            /**
             * AppInfo online.
             * @member {number} online
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.online = 0;

            /**
             * AppInfo ip.
             * @member {string} ip
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.ip = "";

            /**
             * AppInfo port.
             * @member {number} port
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.port = 0;

            /**
             * AppInfo state.
             * @member {gamecluster.v1.AppState} state
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.state = 0;

            /**
             * AppInfo lastSeenMs.
             * @member {number} lastSeenMs
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.lastSeenMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AppInfo capacity.
             * @member {number} capacity
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.capacity = 0;

            /**
             * AppInfo wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.wsPort = 0;

            /**
             * Encodes the specified AppInfo message. Does not implicitly {@link gamecluster.v1.AppInfo.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AppInfo
             * @static
             * @param {gamecluster.v1.AppInfo.$Properties} message AppInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AppInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.appId);
                if (message.appType != null && $Object.hasOwnProperty.call(message, "appType") && message.appType !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.appType);
                if (message.online != null && $Object.hasOwnProperty.call(message, "online") && message.online !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.online);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.port);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.state);
                if (message.lastSeenMs != null && $Object.hasOwnProperty.call(message, "lastSeenMs") && (typeof message.lastSeenMs === "object" ? message.lastSeenMs.low || message.lastSeenMs.high : message.lastSeenMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.lastSeenMs);
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.capacity);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.wsPort);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AppInfo message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AppInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AppInfo & gamecluster.v1.AppInfo.$Shape} AppInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AppInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AppInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.appType = value;
                            else
                                delete message.appType;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.online = value;
                            else
                                delete message.online;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastSeenMs = value;
                            else
                                delete message.lastSeenMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AppInfo;
        })();

        v1.GetLoginRequest = (function() {

            /**
             * Properties of a GetLoginRequest.
             * @typedef {Object} gamecluster.v1.GetLoginRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GetLoginRequest.
             * @memberof gamecluster.v1
             * @interface IGetLoginRequest
             * @augments gamecluster.v1.GetLoginRequest.$Properties
             * @deprecated Use gamecluster.v1.GetLoginRequest.$Properties instead.
             */

            /**
             * Shape of a GetLoginRequest.
             * @typedef {gamecluster.v1.GetLoginRequest.$Properties} gamecluster.v1.GetLoginRequest.$Shape
             */

            /**
             * Constructs a new GetLoginRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a GetLoginRequest.
             * @constructor
             * @param {gamecluster.v1.GetLoginRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GetLoginRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Encodes the specified GetLoginRequest message. Does not implicitly {@link gamecluster.v1.GetLoginRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.GetLoginRequest
             * @static
             * @param {gamecluster.v1.GetLoginRequest.$Properties} message GetLoginRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetLoginRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a GetLoginRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.GetLoginRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.GetLoginRequest & gamecluster.v1.GetLoginRequest.$Shape} GetLoginRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetLoginRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.GetLoginRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return GetLoginRequest;
        })();

        v1.GetLoginResponse = (function() {

            /**
             * Properties of a GetLoginResponse.
             * @typedef {Object} gamecluster.v1.GetLoginResponse.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] GetLoginResponse returnCode
             * @property {string|null} [appId] GetLoginResponse appId
             * @property {string|null} [ip] GetLoginResponse ip
             * @property {number|null} [port] GetLoginResponse port
             * @property {number|null} [wsPort] GetLoginResponse wsPort
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GetLoginResponse.
             * @memberof gamecluster.v1
             * @interface IGetLoginResponse
             * @augments gamecluster.v1.GetLoginResponse.$Properties
             * @deprecated Use gamecluster.v1.GetLoginResponse.$Properties instead.
             */

            /**
             * Shape of a GetLoginResponse.
             * @typedef {gamecluster.v1.GetLoginResponse.$Properties} gamecluster.v1.GetLoginResponse.$Shape
             */

            /**
             * Constructs a new GetLoginResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents a GetLoginResponse.
             * @constructor
             * @param {gamecluster.v1.GetLoginResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GetLoginResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * GetLoginResponse returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.GetLoginResponse
             * @instance
             */
            GetLoginResponse.prototype.returnCode = 0;

            /**
             * GetLoginResponse appId.
             * @member {string} appId
             * @memberof gamecluster.v1.GetLoginResponse
             * @instance
             */
            GetLoginResponse.prototype.appId = "";

            /**
             * GetLoginResponse ip.
             * @member {string} ip
             * @memberof gamecluster.v1.GetLoginResponse
             * @instance
             */
            GetLoginResponse.prototype.ip = "";

            /**
             * GetLoginResponse port.
             * @member {number} port
             * @memberof gamecluster.v1.GetLoginResponse
             * @instance
             */
            GetLoginResponse.prototype.port = 0;

            /**
             * GetLoginResponse wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.GetLoginResponse
             * @instance
             */
            GetLoginResponse.prototype.wsPort = 0;

            /**
             * Encodes the specified GetLoginResponse message. Does not implicitly {@link gamecluster.v1.GetLoginResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.GetLoginResponse
             * @static
             * @param {gamecluster.v1.GetLoginResponse.$Properties} message GetLoginResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetLoginResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.port);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.wsPort);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a GetLoginResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.GetLoginResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.GetLoginResponse & gamecluster.v1.GetLoginResponse.$Shape} GetLoginResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetLoginResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.GetLoginResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return GetLoginResponse;
        })();

        v1.AllocateGameRequest = (function() {

            /**
             * Properties of an AllocateGameRequest.
             * @typedef {Object} gamecluster.v1.AllocateGameRequest.$Properties
             * @property {string|null} [account] AllocateGameRequest account
             * @property {boolean|null} [websocket] AllocateGameRequest websocket
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateGameRequest.
             * @memberof gamecluster.v1
             * @interface IAllocateGameRequest
             * @augments gamecluster.v1.AllocateGameRequest.$Properties
             * @deprecated Use gamecluster.v1.AllocateGameRequest.$Properties instead.
             */

            /**
             * Shape of an AllocateGameRequest.
             * @typedef {gamecluster.v1.AllocateGameRequest.$Properties} gamecluster.v1.AllocateGameRequest.$Shape
             */

            /**
             * Constructs a new AllocateGameRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateGameRequest.
             * @constructor
             * @param {gamecluster.v1.AllocateGameRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateGameRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateGameRequest account.
             * @member {string} account
             * @memberof gamecluster.v1.AllocateGameRequest
             * @instance
             */
            AllocateGameRequest.prototype.account = "";

            /**
             * AllocateGameRequest websocket.
             * @member {boolean} websocket
             * @memberof gamecluster.v1.AllocateGameRequest
             * @instance
             */
            AllocateGameRequest.prototype.websocket = false;

            /**
             * Encodes the specified AllocateGameRequest message. Does not implicitly {@link gamecluster.v1.AllocateGameRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateGameRequest
             * @static
             * @param {gamecluster.v1.AllocateGameRequest.$Properties} message AllocateGameRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateGameRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.websocket != null && $Object.hasOwnProperty.call(message, "websocket") && message.websocket !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.websocket);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateGameRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateGameRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateGameRequest & gamecluster.v1.AllocateGameRequest.$Shape} AllocateGameRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateGameRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AllocateGameRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.websocket = value;
                            else
                                delete message.websocket;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AllocateGameRequest;
        })();

        v1.AllocateGameResponse = (function() {

            /**
             * Properties of an AllocateGameResponse.
             * @typedef {Object} gamecluster.v1.AllocateGameResponse.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] AllocateGameResponse returnCode
             * @property {string|null} [appId] AllocateGameResponse appId
             * @property {string|null} [ip] AllocateGameResponse ip
             * @property {number|null} [port] AllocateGameResponse port
             * @property {number|null} [wsPort] AllocateGameResponse wsPort
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateGameResponse.
             * @memberof gamecluster.v1
             * @interface IAllocateGameResponse
             * @augments gamecluster.v1.AllocateGameResponse.$Properties
             * @deprecated Use gamecluster.v1.AllocateGameResponse.$Properties instead.
             */

            /**
             * Shape of an AllocateGameResponse.
             * @typedef {gamecluster.v1.AllocateGameResponse.$Properties} gamecluster.v1.AllocateGameResponse.$Shape
             */

            /**
             * Constructs a new AllocateGameResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateGameResponse.
             * @constructor
             * @param {gamecluster.v1.AllocateGameResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateGameResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateGameResponse returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.returnCode = 0;

            /**
             * AllocateGameResponse appId.
             * @member {string} appId
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.appId = "";

            /**
             * AllocateGameResponse ip.
             * @member {string} ip
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.ip = "";

            /**
             * AllocateGameResponse port.
             * @member {number} port
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.port = 0;

            /**
             * AllocateGameResponse wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.wsPort = 0;

            /**
             * Encodes the specified AllocateGameResponse message. Does not implicitly {@link gamecluster.v1.AllocateGameResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateGameResponse
             * @static
             * @param {gamecluster.v1.AllocateGameResponse.$Properties} message AllocateGameResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateGameResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.port);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.wsPort);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateGameResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateGameResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateGameResponse & gamecluster.v1.AllocateGameResponse.$Shape} AllocateGameResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateGameResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.AllocateGameResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.returnCode = value;
                            else
                                delete message.returnCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AllocateGameResponse;
        })();

        v1.ListAppsRequest = (function() {

            /**
             * Properties of a ListAppsRequest.
             * @typedef {Object} gamecluster.v1.ListAppsRequest.$Properties
             * @property {gamecluster.v1.AppType|null} [appType] ListAppsRequest appType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListAppsRequest.
             * @memberof gamecluster.v1
             * @interface IListAppsRequest
             * @augments gamecluster.v1.ListAppsRequest.$Properties
             * @deprecated Use gamecluster.v1.ListAppsRequest.$Properties instead.
             */

            /**
             * Shape of a ListAppsRequest.
             * @typedef {gamecluster.v1.ListAppsRequest.$Properties} gamecluster.v1.ListAppsRequest.$Shape
             */

            /**
             * Constructs a new ListAppsRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a ListAppsRequest.
             * @constructor
             * @param {gamecluster.v1.ListAppsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListAppsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListAppsRequest appType.
             * @member {gamecluster.v1.AppType} appType
             * @memberof gamecluster.v1.ListAppsRequest
             * @instance
             */
            ListAppsRequest.prototype.appType = 0;

            /**
             * Encodes the specified ListAppsRequest message. Does not implicitly {@link gamecluster.v1.ListAppsRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ListAppsRequest
             * @static
             * @param {gamecluster.v1.ListAppsRequest.$Properties} message ListAppsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListAppsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.appType != null && $Object.hasOwnProperty.call(message, "appType") && message.appType !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.appType);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ListAppsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ListAppsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ListAppsRequest & gamecluster.v1.ListAppsRequest.$Shape} ListAppsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListAppsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.ListAppsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.appType = value;
                            else
                                delete message.appType;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ListAppsRequest;
        })();

        v1.ListAppsResponse = (function() {

            /**
             * Properties of a ListAppsResponse.
             * @typedef {Object} gamecluster.v1.ListAppsResponse.$Properties
             * @property {Array.<gamecluster.v1.AppInfo.$Properties>|null} [apps] ListAppsResponse apps
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListAppsResponse.
             * @memberof gamecluster.v1
             * @interface IListAppsResponse
             * @augments gamecluster.v1.ListAppsResponse.$Properties
             * @deprecated Use gamecluster.v1.ListAppsResponse.$Properties instead.
             */

            /**
             * Shape of a ListAppsResponse.
             * @typedef {gamecluster.v1.ListAppsResponse.$Properties} gamecluster.v1.ListAppsResponse.$Shape
             */

            /**
             * Constructs a new ListAppsResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents a ListAppsResponse.
             * @constructor
             * @param {gamecluster.v1.ListAppsResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListAppsResponse = function (properties) {
                this.apps = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListAppsResponse apps.
             * @member {Array.<gamecluster.v1.AppInfo.$Properties>} apps
             * @memberof gamecluster.v1.ListAppsResponse
             * @instance
             */
            ListAppsResponse.prototype.apps = $util.emptyArray;

            /**
             * Encodes the specified ListAppsResponse message. Does not implicitly {@link gamecluster.v1.ListAppsResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ListAppsResponse
             * @static
             * @param {gamecluster.v1.ListAppsResponse.$Properties} message ListAppsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListAppsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.apps != null && message.apps.length)
                    for (let i = 0; i < message.apps.length; ++i)
                        $root.gamecluster.v1.AppInfo.encode(message.apps[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ListAppsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ListAppsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ListAppsResponse & gamecluster.v1.ListAppsResponse.$Shape} ListAppsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListAppsResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.ListAppsResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.apps && message.apps.length))
                                message.apps = [];
                            message.apps.push($root.gamecluster.v1.AppInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ListAppsResponse;
        })();

        v1.DrainAppRequest = (function() {

            /**
             * Properties of a DrainAppRequest.
             * @typedef {Object} gamecluster.v1.DrainAppRequest.$Properties
             * @property {string|null} [appId] DrainAppRequest appId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DrainAppRequest.
             * @memberof gamecluster.v1
             * @interface IDrainAppRequest
             * @augments gamecluster.v1.DrainAppRequest.$Properties
             * @deprecated Use gamecluster.v1.DrainAppRequest.$Properties instead.
             */

            /**
             * Shape of a DrainAppRequest.
             * @typedef {gamecluster.v1.DrainAppRequest.$Properties} gamecluster.v1.DrainAppRequest.$Shape
             */

            /**
             * Constructs a new DrainAppRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a DrainAppRequest.
             * @constructor
             * @param {gamecluster.v1.DrainAppRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DrainAppRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DrainAppRequest appId.
             * @member {string} appId
             * @memberof gamecluster.v1.DrainAppRequest
             * @instance
             */
            DrainAppRequest.prototype.appId = "";

            /**
             * Encodes the specified DrainAppRequest message. Does not implicitly {@link gamecluster.v1.DrainAppRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.DrainAppRequest
             * @static
             * @param {gamecluster.v1.DrainAppRequest.$Properties} message DrainAppRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DrainAppRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.appId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DrainAppRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.DrainAppRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.DrainAppRequest & gamecluster.v1.DrainAppRequest.$Shape} DrainAppRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DrainAppRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.DrainAppRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DrainAppRequest;
        })();

        v1.DrainAppResponse = (function() {

            /**
             * Properties of a DrainAppResponse.
             * @typedef {Object} gamecluster.v1.DrainAppResponse.$Properties
             * @property {boolean|null} [found] DrainAppResponse found
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DrainAppResponse.
             * @memberof gamecluster.v1
             * @interface IDrainAppResponse
             * @augments gamecluster.v1.DrainAppResponse.$Properties
             * @deprecated Use gamecluster.v1.DrainAppResponse.$Properties instead.
             */

            /**
             * Shape of a DrainAppResponse.
             * @typedef {gamecluster.v1.DrainAppResponse.$Properties} gamecluster.v1.DrainAppResponse.$Shape
             */

            /**
             * Constructs a new DrainAppResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents a DrainAppResponse.
             * @constructor
             * @param {gamecluster.v1.DrainAppResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DrainAppResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DrainAppResponse found.
             * @member {boolean} found
             * @memberof gamecluster.v1.DrainAppResponse
             * @instance
             */
            DrainAppResponse.prototype.found = false;

            /**
             * Encodes the specified DrainAppResponse message. Does not implicitly {@link gamecluster.v1.DrainAppResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.DrainAppResponse
             * @static
             * @param {gamecluster.v1.DrainAppResponse.$Properties} message DrainAppResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DrainAppResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.found != null && $Object.hasOwnProperty.call(message, "found") && message.found !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.found);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DrainAppResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.DrainAppResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.DrainAppResponse & gamecluster.v1.DrainAppResponse.$Shape} DrainAppResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DrainAppResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.DrainAppResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.found = value;
                            else
                                delete message.found;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DrainAppResponse;
        })();

        v1.UndrainAppRequest = (function() {

            /**
             * Properties of an UndrainAppRequest.
             * @typedef {Object} gamecluster.v1.UndrainAppRequest.$Properties
             * @property {string|null} [appId] UndrainAppRequest appId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UndrainAppRequest.
             * @memberof gamecluster.v1
             * @interface IUndrainAppRequest
             * @augments gamecluster.v1.UndrainAppRequest.$Properties
             * @deprecated Use gamecluster.v1.UndrainAppRequest.$Properties instead.
             */

            /**
             * Shape of an UndrainAppRequest.
             * @typedef {gamecluster.v1.UndrainAppRequest.$Properties} gamecluster.v1.UndrainAppRequest.$Shape
             */

            /**
             * Constructs a new UndrainAppRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents an UndrainAppRequest.
             * @constructor
             * @param {gamecluster.v1.UndrainAppRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UndrainAppRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * UndrainAppRequest appId.
             * @member {string} appId
             * @memberof gamecluster.v1.UndrainAppRequest
             * @instance
             */
            UndrainAppRequest.prototype.appId = "";

            /**
             * Encodes the specified UndrainAppRequest message. Does not implicitly {@link gamecluster.v1.UndrainAppRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.UndrainAppRequest
             * @static
             * @param {gamecluster.v1.UndrainAppRequest.$Properties} message UndrainAppRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UndrainAppRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.appId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an UndrainAppRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.UndrainAppRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.UndrainAppRequest & gamecluster.v1.UndrainAppRequest.$Shape} UndrainAppRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UndrainAppRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.UndrainAppRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return UndrainAppRequest;
        })();

        v1.UndrainAppResponse = (function() {

            /**
             * Properties of an UndrainAppResponse.
             * @typedef {Object} gamecluster.v1.UndrainAppResponse.$Properties
             * @property {boolean|null} [found] UndrainAppResponse found
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UndrainAppResponse.
             * @memberof gamecluster.v1
             * @interface IUndrainAppResponse
             * @augments gamecluster.v1.UndrainAppResponse.$Properties
             * @deprecated Use gamecluster.v1.UndrainAppResponse.$Properties instead.
             */

            /**
             * Shape of an UndrainAppResponse.
             * @typedef {gamecluster.v1.UndrainAppResponse.$Properties} gamecluster.v1.UndrainAppResponse.$Shape
             */

            /**
             * Constructs a new UndrainAppResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents an UndrainAppResponse.
             * @constructor
             * @param {gamecluster.v1.UndrainAppResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UndrainAppResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * UndrainAppResponse found.
             * @member {boolean} found
             * @memberof gamecluster.v1.UndrainAppResponse
             * @instance
             */
            UndrainAppResponse.prototype.found = false;

            /**
             * Encodes the specified UndrainAppResponse message. Does not implicitly {@link gamecluster.v1.UndrainAppResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.UndrainAppResponse
             * @static
             * @param {gamecluster.v1.UndrainAppResponse.$Properties} message UndrainAppResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UndrainAppResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.found != null && $Object.hasOwnProperty.call(message, "found") && message.found !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.found);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an UndrainAppResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.UndrainAppResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.UndrainAppResponse & gamecluster.v1.UndrainAppResponse.$Shape} UndrainAppResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UndrainAppResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.UndrainAppResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.found = value;
                            else
                                delete message.found;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return UndrainAppResponse;
        })();

        return v1;
    })();

    return gamecluster;
})();

export {
  $root as default
};
