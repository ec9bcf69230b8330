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
         * @property {number} RETURN_CODE_ROOM_NOT_FOUND=10 RETURN_CODE_ROOM_NOT_FOUND value
         * @property {number} RETURN_CODE_ROOM_FULL=11 RETURN_CODE_ROOM_FULL value
         * @property {number} RETURN_CODE_ROOM_CLOSED=12 RETURN_CODE_ROOM_CLOSED value
         * @property {number} RETURN_CODE_ROOM_INVALID=13 RETURN_CODE_ROOM_INVALID value
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
            values[valuesById[10] = "RETURN_CODE_ROOM_NOT_FOUND"] = 10;
            values[valuesById[11] = "RETURN_CODE_ROOM_FULL"] = 11;
            values[valuesById[12] = "RETURN_CODE_ROOM_CLOSED"] = 12;
            values[valuesById[13] = "RETURN_CODE_ROOM_INVALID"] = 13;
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
             * @property {string|null} [runId] AppInfoSync runId
             * @property {Array.<string>|null} [caps] AppInfoSync caps
             * @property {Array.<gamecluster.v1.RoomMode.$Properties>|null} [modes] AppInfoSync modes
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
                this.caps = [];
                this.modes = [];
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
             * AppInfoSync runId.
             * @member {string} runId
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.runId = "";

            /**
             * AppInfoSync caps.
             * @member {Array.<string>} caps
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.caps = $util.emptyArray;

            /**
             * AppInfoSync modes.
             * @member {Array.<gamecluster.v1.RoomMode.$Properties>} modes
             * @memberof gamecluster.v1.AppInfoSync
             * @instance
             */
            AppInfoSync.prototype.modes = $util.emptyArray;

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
                if (message.runId != null && $Object.hasOwnProperty.call(message, "runId") && message.runId !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.runId);
                if (message.caps != null && message.caps.length)
                    for (let i = 0; i < message.caps.length; ++i)
                        writer.uint32(/* id 11, wireType 2 =*/90).string(message.caps[i]);
                if (message.modes != null && message.modes.length)
                    for (let i = 0; i < message.modes.length; ++i)
                        $root.gamecluster.v1.RoomMode.encode(message.modes[i], writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
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
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.runId = value;
                            else
                                delete message.runId;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if (!(message.caps && message.caps.length))
                                message.caps = [];
                            message.caps.push(reader.stringVerify());
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.modes && message.modes.length))
                                message.modes = [];
                            message.modes.push($root.gamecluster.v1.RoomMode.decode(reader, reader.size(), $undefined, _depth + 1));
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

        v1.RoomMode = (function() {

            /**
             * Properties of a RoomMode.
             * @typedef {Object} gamecluster.v1.RoomMode.$Properties
             * @property {string|null} [mode] RoomMode mode
             * @property {number|null} [maxPlayers] RoomMode maxPlayers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoomMode.
             * @memberof gamecluster.v1
             * @interface IRoomMode
             * @augments gamecluster.v1.RoomMode.$Properties
             * @deprecated Use gamecluster.v1.RoomMode.$Properties instead.
             */

            /**
             * Shape of a RoomMode.
             * @typedef {gamecluster.v1.RoomMode.$Properties} gamecluster.v1.RoomMode.$Shape
             */

            /**
             * Constructs a new RoomMode.
             * @memberof gamecluster.v1
             * @classdesc Represents a RoomMode.
             * @constructor
             * @param {gamecluster.v1.RoomMode.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoomMode = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoomMode mode.
             * @member {string} mode
             * @memberof gamecluster.v1.RoomMode
             * @instance
             */
            RoomMode.prototype.mode = "";

            /**
             * RoomMode maxPlayers.
             * @member {number} maxPlayers
             * @memberof gamecluster.v1.RoomMode
             * @instance
             */
            RoomMode.prototype.maxPlayers = 0;

            /**
             * Encodes the specified RoomMode message. Does not implicitly {@link gamecluster.v1.RoomMode.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.RoomMode
             * @static
             * @param {gamecluster.v1.RoomMode.$Properties} message RoomMode message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoomMode.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.mode);
                if (message.maxPlayers != null && $Object.hasOwnProperty.call(message, "maxPlayers") && message.maxPlayers !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.maxPlayers);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoomMode message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.RoomMode
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.RoomMode & gamecluster.v1.RoomMode.$Shape} RoomMode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoomMode.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.RoomMode();
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
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.maxPlayers = value;
                            else
                                delete message.maxPlayers;
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

            return RoomMode;
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

        v1.RoomSpec = (function() {

            /**
             * Properties of a RoomSpec.
             * @typedef {Object} gamecluster.v1.RoomSpec.$Properties
             * @property {string|null} [mode] RoomSpec mode
             * @property {number|null} [maxPlayers] RoomSpec maxPlayers
             * @property {boolean|null} [isPrivate] RoomSpec isPrivate
             * @property {Object.<string,string>|null} [labels] RoomSpec labels
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoomSpec.
             * @memberof gamecluster.v1
             * @interface IRoomSpec
             * @augments gamecluster.v1.RoomSpec.$Properties
             * @deprecated Use gamecluster.v1.RoomSpec.$Properties instead.
             */

            /**
             * Shape of a RoomSpec.
             * @typedef {gamecluster.v1.RoomSpec.$Properties} gamecluster.v1.RoomSpec.$Shape
             */

            /**
             * Constructs a new RoomSpec.
             * @memberof gamecluster.v1
             * @classdesc Represents a RoomSpec.
             * @constructor
             * @param {gamecluster.v1.RoomSpec.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoomSpec = function (properties) {
                this.labels = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoomSpec mode.
             * @member {string} mode
             * @memberof gamecluster.v1.RoomSpec
             * @instance
             */
            RoomSpec.prototype.mode = "";

            /**
             * RoomSpec maxPlayers.
             * @member {number} maxPlayers
             * @memberof gamecluster.v1.RoomSpec
             * @instance
             */
            RoomSpec.prototype.maxPlayers = 0;

            /**
             * RoomSpec isPrivate.
             * @member {boolean} isPrivate
             * @memberof gamecluster.v1.RoomSpec
             * @instance
             */
            RoomSpec.prototype.isPrivate = false;

            /**
             * RoomSpec labels.
             * @member {Object.<string,string>} labels
             * @memberof gamecluster.v1.RoomSpec
             * @instance
             */
            RoomSpec.prototype.labels = $util.emptyObject;

            /**
             * Encodes the specified RoomSpec message. Does not implicitly {@link gamecluster.v1.RoomSpec.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.RoomSpec
             * @static
             * @param {gamecluster.v1.RoomSpec.$Properties} message RoomSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoomSpec.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.mode);
                if (message.maxPlayers != null && $Object.hasOwnProperty.call(message, "maxPlayers") && message.maxPlayers !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.maxPlayers);
                if (message.isPrivate != null && $Object.hasOwnProperty.call(message, "isPrivate") && message.isPrivate !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.isPrivate);
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoomSpec message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.RoomSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.RoomSpec & gamecluster.v1.RoomSpec.$Shape} RoomSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoomSpec.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.RoomSpec();
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
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.maxPlayers = value;
                            else
                                delete message.maxPlayers;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.isPrivate = value;
                            else
                                delete message.isPrivate;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
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

            return RoomSpec;
        })();

        v1.RoomRequest = (function() {

            /**
             * Properties of a RoomRequest.
             * @typedef {Object} gamecluster.v1.RoomRequest.$Properties
             * @property {gamecluster.v1.RoomSpec.$Properties|null} [create] RoomRequest create
             * @property {gamecluster.v1.RoomJoin.$Properties|null} [join] RoomRequest join
             * @property {gamecluster.v1.RoomSpec.$Properties|null} [find] RoomRequest find
             * @property {"create"|"join"|"find"} [want] RoomRequest want
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoomRequest.
             * @memberof gamecluster.v1
             * @interface IRoomRequest
             * @augments gamecluster.v1.RoomRequest.$Properties
             * @deprecated Use gamecluster.v1.RoomRequest.$Properties instead.
             */

            /**
             * Narrowed shape of a RoomRequest.
             * @typedef {{
             *   create?: gamecluster.v1.RoomSpec.$Shape|null;
             *   join?: gamecluster.v1.RoomJoin.$Shape|null;
             *   find?: gamecluster.v1.RoomSpec.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ want?: undefined; create?: null; join?: null; find?: null }|{ want?: "create"; create: gamecluster.v1.RoomSpec.$Shape; join?: null; find?: null }|{ want?: "join"; create?: null; join: gamecluster.v1.RoomJoin.$Shape; find?: null }|{ want?: "find"; create?: null; join?: null; find: gamecluster.v1.RoomSpec.$Shape })
             * )} gamecluster.v1.RoomRequest.$Shape
             */

            /**
             * Constructs a new RoomRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a RoomRequest.
             * @constructor
             * @param {gamecluster.v1.RoomRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoomRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoomRequest create.
             * @member {gamecluster.v1.RoomSpec.$Properties|null|undefined} create
             * @memberof gamecluster.v1.RoomRequest
             * @instance
             */
            RoomRequest.prototype.create = null;

            /**
             * RoomRequest join.
             * @member {gamecluster.v1.RoomJoin.$Properties|null|undefined} join
             * @memberof gamecluster.v1.RoomRequest
             * @instance
             */
            RoomRequest.prototype.join = null;

            /**
             * RoomRequest find.
             * @member {gamecluster.v1.RoomSpec.$Properties|null|undefined} find
             * @memberof gamecluster.v1.RoomRequest
             * @instance
             */
            RoomRequest.prototype.find = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * RoomRequest want.
             * @member {"create"|"join"|"find"|undefined} want
             * @memberof gamecluster.v1.RoomRequest
             * @instance
             */
            $Object.defineProperty(RoomRequest.prototype, "want", {
                get: $util.oneOfGetter($oneOfFields = ["create", "join", "find"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Encodes the specified RoomRequest message. Does not implicitly {@link gamecluster.v1.RoomRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.RoomRequest
             * @static
             * @param {gamecluster.v1.RoomRequest.$Properties} message RoomRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoomRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.create != null && $Object.hasOwnProperty.call(message, "create"))
                    $root.gamecluster.v1.RoomSpec.encode(message.create, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.join != null && $Object.hasOwnProperty.call(message, "join"))
                    $root.gamecluster.v1.RoomJoin.encode(message.join, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.find != null && $Object.hasOwnProperty.call(message, "find"))
                    $root.gamecluster.v1.RoomSpec.encode(message.find, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoomRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.RoomRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.RoomRequest & gamecluster.v1.RoomRequest.$Shape} RoomRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoomRequest.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.RoomRequest();
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
                            message.create = $root.gamecluster.v1.RoomSpec.decode(reader, reader.size(), $undefined, _depth + 1, message.create);
                            message.want = "create";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.join = $root.gamecluster.v1.RoomJoin.decode(reader, reader.size(), $undefined, _depth + 1, message.join);
                            message.want = "join";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.find = $root.gamecluster.v1.RoomSpec.decode(reader, reader.size(), $undefined, _depth + 1, message.find);
                            message.want = "find";
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

            return RoomRequest;
        })();

        v1.RoomJoin = (function() {

            /**
             * Properties of a RoomJoin.
             * @typedef {Object} gamecluster.v1.RoomJoin.$Properties
             * @property {string|null} [roomId] RoomJoin roomId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoomJoin.
             * @memberof gamecluster.v1
             * @interface IRoomJoin
             * @augments gamecluster.v1.RoomJoin.$Properties
             * @deprecated Use gamecluster.v1.RoomJoin.$Properties instead.
             */

            /**
             * Shape of a RoomJoin.
             * @typedef {gamecluster.v1.RoomJoin.$Properties} gamecluster.v1.RoomJoin.$Shape
             */

            /**
             * Constructs a new RoomJoin.
             * @memberof gamecluster.v1
             * @classdesc Represents a RoomJoin.
             * @constructor
             * @param {gamecluster.v1.RoomJoin.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoomJoin = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoomJoin roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.RoomJoin
             * @instance
             */
            RoomJoin.prototype.roomId = "";

            /**
             * Encodes the specified RoomJoin message. Does not implicitly {@link gamecluster.v1.RoomJoin.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.RoomJoin
             * @static
             * @param {gamecluster.v1.RoomJoin.$Properties} message RoomJoin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoomJoin.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.roomId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoomJoin message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.RoomJoin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.RoomJoin & gamecluster.v1.RoomJoin.$Shape} RoomJoin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoomJoin.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.RoomJoin();
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
                                message.roomId = value;
                            else
                                delete message.roomId;
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

            return RoomJoin;
        })();

        v1.EnterGame = (function() {

            /**
             * Properties of an EnterGame.
             * @typedef {Object} gamecluster.v1.EnterGame.$Properties
             * @property {gamecluster.v1.RoomRequest.$Properties|null} [room] EnterGame room
             * @property {string|null} [admission] EnterGame admission
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
             * @typedef {{
             *   room?: gamecluster.v1.RoomRequest.$Shape|null;
             *   admission?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} gamecluster.v1.EnterGame.$Shape
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
             * EnterGame room.
             * @member {gamecluster.v1.RoomRequest.$Properties|null|undefined} room
             * @memberof gamecluster.v1.EnterGame
             * @instance
             */
            EnterGame.prototype.room = null;

            /**
             * EnterGame admission.
             * @member {string} admission
             * @memberof gamecluster.v1.EnterGame
             * @instance
             */
            EnterGame.prototype.admission = "";

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
                if (message.room != null && $Object.hasOwnProperty.call(message, "room"))
                    $root.gamecluster.v1.RoomRequest.encode(message.room, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.admission != null && $Object.hasOwnProperty.call(message, "admission") && message.admission !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.admission);
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
                message = _target || new $root.gamecluster.v1.EnterGame();
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
                            message.room = $root.gamecluster.v1.RoomRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.room);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.admission = value;
                            else
                                delete message.admission;
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
             * @property {string|null} [roomId] EnterGameRs roomId
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
             * EnterGameRs roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.EnterGameRs
             * @instance
             */
            EnterGameRs.prototype.roomId = "";

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
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.roomId);
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
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.roomId = value;
                            else
                                delete message.roomId;
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
             * @property {string|null} [roomId] LoginByTokenRs roomId
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
             * LoginByTokenRs roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.LoginByTokenRs
             * @instance
             */
            LoginByTokenRs.prototype.roomId = "";

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
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.roomId);
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
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.roomId = value;
                            else
                                delete message.roomId;
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
             * @property {string|null} [runId] AppInfo runId
             * @property {Array.<string>|null} [caps] AppInfo caps
             * @property {Array.<gamecluster.v1.RoomMode.$Properties>|null} [modes] AppInfo modes
             * @property {number|null} [rooms] AppInfo rooms
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
                this.caps = [];
                this.modes = [];
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
             * AppInfo runId.
             * @member {string} runId
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.runId = "";

            /**
             * AppInfo caps.
             * @member {Array.<string>} caps
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.caps = $util.emptyArray;

            /**
             * AppInfo modes.
             * @member {Array.<gamecluster.v1.RoomMode.$Properties>} modes
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.modes = $util.emptyArray;

            /**
             * AppInfo rooms.
             * @member {number} rooms
             * @memberof gamecluster.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.rooms = 0;

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
                if (message.runId != null && $Object.hasOwnProperty.call(message, "runId") && message.runId !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.runId);
                if (message.caps != null && message.caps.length)
                    for (let i = 0; i < message.caps.length; ++i)
                        writer.uint32(/* id 11, wireType 2 =*/90).string(message.caps[i]);
                if (message.modes != null && message.modes.length)
                    for (let i = 0; i < message.modes.length; ++i)
                        $root.gamecluster.v1.RoomMode.encode(message.modes[i], writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.rooms != null && $Object.hasOwnProperty.call(message, "rooms") && message.rooms !== 0)
                    writer.uint32(/* id 13, wireType 0 =*/104).int32(message.rooms);
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
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.runId = value;
                            else
                                delete message.runId;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if (!(message.caps && message.caps.length))
                                message.caps = [];
                            message.caps.push(reader.stringVerify());
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.modes && message.modes.length))
                                message.modes = [];
                            message.modes.push($root.gamecluster.v1.RoomMode.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.rooms = value;
                            else
                                delete message.rooms;
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
             * @property {gamecluster.v1.RoomRequest.$Properties|null} [room] AllocateGameRequest room
             * @property {string|null} [admission] AllocateGameRequest admission
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
             * @typedef {{
             *   account?: string|null;
             *   websocket?: boolean|null;
             *   room?: gamecluster.v1.RoomRequest.$Shape|null;
             *   admission?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} gamecluster.v1.AllocateGameRequest.$Shape
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
             * AllocateGameRequest room.
             * @member {gamecluster.v1.RoomRequest.$Properties|null|undefined} room
             * @memberof gamecluster.v1.AllocateGameRequest
             * @instance
             */
            AllocateGameRequest.prototype.room = null;

            /**
             * AllocateGameRequest admission.
             * @member {string} admission
             * @memberof gamecluster.v1.AllocateGameRequest
             * @instance
             */
            AllocateGameRequest.prototype.admission = "";

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
                if (message.room != null && $Object.hasOwnProperty.call(message, "room"))
                    $root.gamecluster.v1.RoomRequest.encode(message.room, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.admission != null && $Object.hasOwnProperty.call(message, "admission") && message.admission !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.admission);
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
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.room = $root.gamecluster.v1.RoomRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.room);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.admission = value;
                            else
                                delete message.admission;
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
             * @property {string|null} [roomId] AllocateGameResponse roomId
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
             * AllocateGameResponse roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.AllocateGameResponse
             * @instance
             */
            AllocateGameResponse.prototype.roomId = "";

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
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.roomId);
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
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.roomId = value;
                            else
                                delete message.roomId;
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

        v1.RoomInfo = (function() {

            /**
             * Properties of a RoomInfo.
             * @typedef {Object} gamecluster.v1.RoomInfo.$Properties
             * @property {string|null} [roomId] RoomInfo roomId
             * @property {string|null} [appId] RoomInfo appId
             * @property {string|null} [mode] RoomInfo mode
             * @property {number|null} [players] RoomInfo players
             * @property {number|null} [reserved] RoomInfo reserved
             * @property {number|null} [maxPlayers] RoomInfo maxPlayers
             * @property {boolean|null} [isPrivate] RoomInfo isPrivate
             * @property {boolean|null} [locked] RoomInfo locked
             * @property {Object.<string,string>|null} [labels] RoomInfo labels
             * @property {number|null} [createdAtMs] RoomInfo createdAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoomInfo.
             * @memberof gamecluster.v1
             * @interface IRoomInfo
             * @augments gamecluster.v1.RoomInfo.$Properties
             * @deprecated Use gamecluster.v1.RoomInfo.$Properties instead.
             */

            /**
             * Shape of a RoomInfo.
             * @typedef {gamecluster.v1.RoomInfo.$Properties} gamecluster.v1.RoomInfo.$Shape
             */

            /**
             * Constructs a new RoomInfo.
             * @memberof gamecluster.v1
             * @classdesc Represents a RoomInfo.
             * @constructor
             * @param {gamecluster.v1.RoomInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoomInfo = function (properties) {
                this.labels = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoomInfo roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.roomId = "";

            /**
             * RoomInfo appId.
             * @member {string} appId
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.appId = "";

            /**
             * RoomInfo mode.
             * @member {string} mode
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.mode = "";

            /**
             * RoomInfo players.
             * @member {number} players
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.players = 0;

            /**
             * RoomInfo reserved.
             * @member {number} reserved
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.reserved = 0;

            /**
             * RoomInfo maxPlayers.
             * @member {number} maxPlayers
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.maxPlayers = 0;

            /**
             * RoomInfo isPrivate.
             * @member {boolean} isPrivate
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.isPrivate = false;

            /**
             * RoomInfo locked.
             * @member {boolean} locked
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.locked = false;

            /**
             * RoomInfo labels.
             * @member {Object.<string,string>} labels
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.labels = $util.emptyObject;

            /**
             * RoomInfo createdAtMs.
             * @member {number} createdAtMs
             * @memberof gamecluster.v1.RoomInfo
             * @instance
             */
            RoomInfo.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified RoomInfo message. Does not implicitly {@link gamecluster.v1.RoomInfo.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.RoomInfo
             * @static
             * @param {gamecluster.v1.RoomInfo.$Properties} message RoomInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoomInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.roomId);
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.appId);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.mode);
                if (message.players != null && $Object.hasOwnProperty.call(message, "players") && message.players !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.players);
                if (message.reserved != null && $Object.hasOwnProperty.call(message, "reserved") && message.reserved !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.reserved);
                if (message.maxPlayers != null && $Object.hasOwnProperty.call(message, "maxPlayers") && message.maxPlayers !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.maxPlayers);
                if (message.isPrivate != null && $Object.hasOwnProperty.call(message, "isPrivate") && message.isPrivate !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.isPrivate);
                if (message.locked != null && $Object.hasOwnProperty.call(message, "locked") && message.locked !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.locked);
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs") && (typeof message.createdAtMs === "object" ? message.createdAtMs.low || message.createdAtMs.high : message.createdAtMs !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).int64(message.createdAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoomInfo message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.RoomInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.RoomInfo & gamecluster.v1.RoomInfo.$Shape} RoomInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoomInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.RoomInfo();
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
                                message.roomId = value;
                            else
                                delete message.roomId;
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
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.players = value;
                            else
                                delete message.players;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reserved = value;
                            else
                                delete message.reserved;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.maxPlayers = value;
                            else
                                delete message.maxPlayers;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.isPrivate = value;
                            else
                                delete message.isPrivate;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.locked = value;
                            else
                                delete message.locked;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAtMs = value;
                            else
                                delete message.createdAtMs;
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

            return RoomInfo;
        })();

        v1.Seat = (function() {

            /**
             * Properties of a Seat.
             * @typedef {Object} gamecluster.v1.Seat.$Properties
             * @property {string|null} [account] Seat account
             * @property {string|null} [token] Seat token
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Seat.
             * @memberof gamecluster.v1
             * @interface ISeat
             * @augments gamecluster.v1.Seat.$Properties
             * @deprecated Use gamecluster.v1.Seat.$Properties instead.
             */

            /**
             * Shape of a Seat.
             * @typedef {gamecluster.v1.Seat.$Properties} gamecluster.v1.Seat.$Shape
             */

            /**
             * Constructs a new Seat.
             * @memberof gamecluster.v1
             * @classdesc Represents a Seat.
             * @constructor
             * @param {gamecluster.v1.Seat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Seat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Seat account.
             * @member {string} account
             * @memberof gamecluster.v1.Seat
             * @instance
             */
            Seat.prototype.account = "";

            /**
             * Seat token.
             * @member {string} token
             * @memberof gamecluster.v1.Seat
             * @instance
             */
            Seat.prototype.token = "";

            /**
             * Encodes the specified Seat message. Does not implicitly {@link gamecluster.v1.Seat.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.Seat
             * @static
             * @param {gamecluster.v1.Seat.$Properties} message Seat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Seat.encode = function (message, writer, _depth) {
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
             * Decodes a Seat message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.Seat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.Seat & gamecluster.v1.Seat.$Shape} Seat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Seat.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.Seat();
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

            return Seat;
        })();

        v1.MatchPlayer = (function() {

            /**
             * Properties of a MatchPlayer.
             * @typedef {Object} gamecluster.v1.MatchPlayer.$Properties
             * @property {string|null} [account] MatchPlayer account
             * @property {string|null} [team] MatchPlayer team
             * @property {Object.<string,string>|null} [data] MatchPlayer data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MatchPlayer.
             * @memberof gamecluster.v1
             * @interface IMatchPlayer
             * @augments gamecluster.v1.MatchPlayer.$Properties
             * @deprecated Use gamecluster.v1.MatchPlayer.$Properties instead.
             */

            /**
             * Shape of a MatchPlayer.
             * @typedef {gamecluster.v1.MatchPlayer.$Properties} gamecluster.v1.MatchPlayer.$Shape
             */

            /**
             * Constructs a new MatchPlayer.
             * @memberof gamecluster.v1
             * @classdesc Represents a MatchPlayer.
             * @constructor
             * @param {gamecluster.v1.MatchPlayer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MatchPlayer = function (properties) {
                this.data = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MatchPlayer account.
             * @member {string} account
             * @memberof gamecluster.v1.MatchPlayer
             * @instance
             */
            MatchPlayer.prototype.account = "";

            /**
             * MatchPlayer team.
             * @member {string} team
             * @memberof gamecluster.v1.MatchPlayer
             * @instance
             */
            MatchPlayer.prototype.team = "";

            /**
             * MatchPlayer data.
             * @member {Object.<string,string>} data
             * @memberof gamecluster.v1.MatchPlayer
             * @instance
             */
            MatchPlayer.prototype.data = $util.emptyObject;

            /**
             * Encodes the specified MatchPlayer message. Does not implicitly {@link gamecluster.v1.MatchPlayer.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.MatchPlayer
             * @static
             * @param {gamecluster.v1.MatchPlayer.$Properties} message MatchPlayer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MatchPlayer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.team != null && $Object.hasOwnProperty.call(message, "team") && message.team !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.team);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    for (let keys = $Object.keys(message.data), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.data[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MatchPlayer message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.MatchPlayer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.MatchPlayer & gamecluster.v1.MatchPlayer.$Shape} MatchPlayer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MatchPlayer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.MatchPlayer();
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
                                message.team = value;
                            else
                                delete message.team;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (message.data === $util.emptyObject)
                                message.data = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.data, key);
                            message.data[key] = value;
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

            return MatchPlayer;
        })();

        v1.AllocateMatchRequest = (function() {

            /**
             * Properties of an AllocateMatchRequest.
             * @typedef {Object} gamecluster.v1.AllocateMatchRequest.$Properties
             * @property {string|null} [matchId] AllocateMatchRequest matchId
             * @property {Array.<gamecluster.v1.MatchPlayer.$Properties>|null} [players] AllocateMatchRequest players
             * @property {gamecluster.v1.RoomSpec.$Properties|null} [room] AllocateMatchRequest room
             * @property {boolean|null} [websocket] AllocateMatchRequest websocket
             * @property {number|null} [seatTtlMs] AllocateMatchRequest seatTtlMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateMatchRequest.
             * @memberof gamecluster.v1
             * @interface IAllocateMatchRequest
             * @augments gamecluster.v1.AllocateMatchRequest.$Properties
             * @deprecated Use gamecluster.v1.AllocateMatchRequest.$Properties instead.
             */

            /**
             * Shape of an AllocateMatchRequest.
             * @typedef {gamecluster.v1.AllocateMatchRequest.$Properties} gamecluster.v1.AllocateMatchRequest.$Shape
             */

            /**
             * Constructs a new AllocateMatchRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateMatchRequest.
             * @constructor
             * @param {gamecluster.v1.AllocateMatchRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateMatchRequest = function (properties) {
                this.players = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateMatchRequest matchId.
             * @member {string} matchId
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @instance
             */
            AllocateMatchRequest.prototype.matchId = "";

            /**
             * AllocateMatchRequest players.
             * @member {Array.<gamecluster.v1.MatchPlayer.$Properties>} players
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @instance
             */
            AllocateMatchRequest.prototype.players = $util.emptyArray;

            /**
             * AllocateMatchRequest room.
             * @member {gamecluster.v1.RoomSpec.$Properties|null|undefined} room
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @instance
             */
            AllocateMatchRequest.prototype.room = null;

            /**
             * AllocateMatchRequest websocket.
             * @member {boolean} websocket
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @instance
             */
            AllocateMatchRequest.prototype.websocket = false;

            /**
             * AllocateMatchRequest seatTtlMs.
             * @member {number} seatTtlMs
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @instance
             */
            AllocateMatchRequest.prototype.seatTtlMs = 0;

            /**
             * Encodes the specified AllocateMatchRequest message. Does not implicitly {@link gamecluster.v1.AllocateMatchRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @static
             * @param {gamecluster.v1.AllocateMatchRequest.$Properties} message AllocateMatchRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateMatchRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.matchId != null && $Object.hasOwnProperty.call(message, "matchId") && message.matchId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.matchId);
                if (message.players != null && message.players.length)
                    for (let i = 0; i < message.players.length; ++i)
                        $root.gamecluster.v1.MatchPlayer.encode(message.players[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.room != null && $Object.hasOwnProperty.call(message, "room"))
                    $root.gamecluster.v1.RoomSpec.encode(message.room, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.websocket != null && $Object.hasOwnProperty.call(message, "websocket") && message.websocket !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.websocket);
                if (message.seatTtlMs != null && $Object.hasOwnProperty.call(message, "seatTtlMs") && message.seatTtlMs !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.seatTtlMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateMatchRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateMatchRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateMatchRequest & gamecluster.v1.AllocateMatchRequest.$Shape} AllocateMatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateMatchRequest.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.AllocateMatchRequest();
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
                                message.matchId = value;
                            else
                                delete message.matchId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.players && message.players.length))
                                message.players = [];
                            message.players.push($root.gamecluster.v1.MatchPlayer.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.room = $root.gamecluster.v1.RoomSpec.decode(reader, reader.size(), $undefined, _depth + 1, message.room);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.websocket = value;
                            else
                                delete message.websocket;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.seatTtlMs = value;
                            else
                                delete message.seatTtlMs;
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

            return AllocateMatchRequest;
        })();

        v1.AllocateMatchResponse = (function() {

            /**
             * Properties of an AllocateMatchResponse.
             * @typedef {Object} gamecluster.v1.AllocateMatchResponse.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] AllocateMatchResponse returnCode
             * @property {string|null} [roomId] AllocateMatchResponse roomId
             * @property {string|null} [appId] AllocateMatchResponse appId
             * @property {string|null} [ip] AllocateMatchResponse ip
             * @property {number|null} [port] AllocateMatchResponse port
             * @property {number|null} [wsPort] AllocateMatchResponse wsPort
             * @property {Array.<gamecluster.v1.Seat.$Properties>|null} [seats] AllocateMatchResponse seats
             * @property {number|null} [expiresInMs] AllocateMatchResponse expiresInMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateMatchResponse.
             * @memberof gamecluster.v1
             * @interface IAllocateMatchResponse
             * @augments gamecluster.v1.AllocateMatchResponse.$Properties
             * @deprecated Use gamecluster.v1.AllocateMatchResponse.$Properties instead.
             */

            /**
             * Shape of an AllocateMatchResponse.
             * @typedef {gamecluster.v1.AllocateMatchResponse.$Properties} gamecluster.v1.AllocateMatchResponse.$Shape
             */

            /**
             * Constructs a new AllocateMatchResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateMatchResponse.
             * @constructor
             * @param {gamecluster.v1.AllocateMatchResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateMatchResponse = function (properties) {
                this.seats = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateMatchResponse returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.returnCode = 0;

            /**
             * AllocateMatchResponse roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.roomId = "";

            /**
             * AllocateMatchResponse appId.
             * @member {string} appId
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.appId = "";

            /**
             * AllocateMatchResponse ip.
             * @member {string} ip
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.ip = "";

            /**
             * AllocateMatchResponse port.
             * @member {number} port
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.port = 0;

            /**
             * AllocateMatchResponse wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.wsPort = 0;

            /**
             * AllocateMatchResponse seats.
             * @member {Array.<gamecluster.v1.Seat.$Properties>} seats
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.seats = $util.emptyArray;

            /**
             * AllocateMatchResponse expiresInMs.
             * @member {number} expiresInMs
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @instance
             */
            AllocateMatchResponse.prototype.expiresInMs = 0;

            /**
             * Encodes the specified AllocateMatchResponse message. Does not implicitly {@link gamecluster.v1.AllocateMatchResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @static
             * @param {gamecluster.v1.AllocateMatchResponse.$Properties} message AllocateMatchResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateMatchResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.roomId);
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.appId);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.port);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.wsPort);
                if (message.seats != null && message.seats.length)
                    for (let i = 0; i < message.seats.length; ++i)
                        $root.gamecluster.v1.Seat.encode(message.seats[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.expiresInMs != null && $Object.hasOwnProperty.call(message, "expiresInMs") && message.expiresInMs !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.expiresInMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateMatchResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateMatchResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateMatchResponse & gamecluster.v1.AllocateMatchResponse.$Shape} AllocateMatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateMatchResponse.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.AllocateMatchResponse();
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
                                message.roomId = value;
                            else
                                delete message.roomId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
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
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.seats && message.seats.length))
                                message.seats = [];
                            message.seats.push($root.gamecluster.v1.Seat.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.expiresInMs = value;
                            else
                                delete message.expiresInMs;
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

            return AllocateMatchResponse;
        })();

        v1.ReserveSeatsRequest = (function() {

            /**
             * Properties of a ReserveSeatsRequest.
             * @typedef {Object} gamecluster.v1.ReserveSeatsRequest.$Properties
             * @property {string|null} [roomId] ReserveSeatsRequest roomId
             * @property {Array.<gamecluster.v1.MatchPlayer.$Properties>|null} [players] ReserveSeatsRequest players
             * @property {string|null} [requestId] ReserveSeatsRequest requestId
             * @property {boolean|null} [websocket] ReserveSeatsRequest websocket
             * @property {number|null} [seatTtlMs] ReserveSeatsRequest seatTtlMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveSeatsRequest.
             * @memberof gamecluster.v1
             * @interface IReserveSeatsRequest
             * @augments gamecluster.v1.ReserveSeatsRequest.$Properties
             * @deprecated Use gamecluster.v1.ReserveSeatsRequest.$Properties instead.
             */

            /**
             * Shape of a ReserveSeatsRequest.
             * @typedef {gamecluster.v1.ReserveSeatsRequest.$Properties} gamecluster.v1.ReserveSeatsRequest.$Shape
             */

            /**
             * Constructs a new ReserveSeatsRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a ReserveSeatsRequest.
             * @constructor
             * @param {gamecluster.v1.ReserveSeatsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveSeatsRequest = function (properties) {
                this.players = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveSeatsRequest roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @instance
             */
            ReserveSeatsRequest.prototype.roomId = "";

            /**
             * ReserveSeatsRequest players.
             * @member {Array.<gamecluster.v1.MatchPlayer.$Properties>} players
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @instance
             */
            ReserveSeatsRequest.prototype.players = $util.emptyArray;

            /**
             * ReserveSeatsRequest requestId.
             * @member {string} requestId
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @instance
             */
            ReserveSeatsRequest.prototype.requestId = "";

            /**
             * ReserveSeatsRequest websocket.
             * @member {boolean} websocket
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @instance
             */
            ReserveSeatsRequest.prototype.websocket = false;

            /**
             * ReserveSeatsRequest seatTtlMs.
             * @member {number} seatTtlMs
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @instance
             */
            ReserveSeatsRequest.prototype.seatTtlMs = 0;

            /**
             * Encodes the specified ReserveSeatsRequest message. Does not implicitly {@link gamecluster.v1.ReserveSeatsRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @static
             * @param {gamecluster.v1.ReserveSeatsRequest.$Properties} message ReserveSeatsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveSeatsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.roomId);
                if (message.players != null && message.players.length)
                    for (let i = 0; i < message.players.length; ++i)
                        $root.gamecluster.v1.MatchPlayer.encode(message.players[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.requestId);
                if (message.websocket != null && $Object.hasOwnProperty.call(message, "websocket") && message.websocket !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.websocket);
                if (message.seatTtlMs != null && $Object.hasOwnProperty.call(message, "seatTtlMs") && message.seatTtlMs !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.seatTtlMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveSeatsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ReserveSeatsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ReserveSeatsRequest & gamecluster.v1.ReserveSeatsRequest.$Shape} ReserveSeatsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveSeatsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.ReserveSeatsRequest();
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
                                message.roomId = value;
                            else
                                delete message.roomId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.players && message.players.length))
                                message.players = [];
                            message.players.push($root.gamecluster.v1.MatchPlayer.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.websocket = value;
                            else
                                delete message.websocket;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.seatTtlMs = value;
                            else
                                delete message.seatTtlMs;
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

            return ReserveSeatsRequest;
        })();

        v1.ReserveSeatsResponse = (function() {

            /**
             * Properties of a ReserveSeatsResponse.
             * @typedef {Object} gamecluster.v1.ReserveSeatsResponse.$Properties
             * @property {gamecluster.v1.ReturnCode|null} [returnCode] ReserveSeatsResponse returnCode
             * @property {string|null} [roomId] ReserveSeatsResponse roomId
             * @property {string|null} [appId] ReserveSeatsResponse appId
             * @property {string|null} [ip] ReserveSeatsResponse ip
             * @property {number|null} [port] ReserveSeatsResponse port
             * @property {number|null} [wsPort] ReserveSeatsResponse wsPort
             * @property {Array.<gamecluster.v1.Seat.$Properties>|null} [seats] ReserveSeatsResponse seats
             * @property {number|null} [expiresInMs] ReserveSeatsResponse expiresInMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveSeatsResponse.
             * @memberof gamecluster.v1
             * @interface IReserveSeatsResponse
             * @augments gamecluster.v1.ReserveSeatsResponse.$Properties
             * @deprecated Use gamecluster.v1.ReserveSeatsResponse.$Properties instead.
             */

            /**
             * Shape of a ReserveSeatsResponse.
             * @typedef {gamecluster.v1.ReserveSeatsResponse.$Properties} gamecluster.v1.ReserveSeatsResponse.$Shape
             */

            /**
             * Constructs a new ReserveSeatsResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents a ReserveSeatsResponse.
             * @constructor
             * @param {gamecluster.v1.ReserveSeatsResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveSeatsResponse = function (properties) {
                this.seats = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveSeatsResponse returnCode.
             * @member {gamecluster.v1.ReturnCode} returnCode
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.returnCode = 0;

            /**
             * ReserveSeatsResponse roomId.
             * @member {string} roomId
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.roomId = "";

            /**
             * ReserveSeatsResponse appId.
             * @member {string} appId
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.appId = "";

            /**
             * ReserveSeatsResponse ip.
             * @member {string} ip
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.ip = "";

            /**
             * ReserveSeatsResponse port.
             * @member {number} port
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.port = 0;

            /**
             * ReserveSeatsResponse wsPort.
             * @member {number} wsPort
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.wsPort = 0;

            /**
             * ReserveSeatsResponse seats.
             * @member {Array.<gamecluster.v1.Seat.$Properties>} seats
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.seats = $util.emptyArray;

            /**
             * ReserveSeatsResponse expiresInMs.
             * @member {number} expiresInMs
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @instance
             */
            ReserveSeatsResponse.prototype.expiresInMs = 0;

            /**
             * Encodes the specified ReserveSeatsResponse message. Does not implicitly {@link gamecluster.v1.ReserveSeatsResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @static
             * @param {gamecluster.v1.ReserveSeatsResponse.$Properties} message ReserveSeatsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveSeatsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.returnCode != null && $Object.hasOwnProperty.call(message, "returnCode") && message.returnCode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnCode);
                if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.roomId);
                if (message.appId != null && $Object.hasOwnProperty.call(message, "appId") && message.appId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.appId);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ip);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.port);
                if (message.wsPort != null && $Object.hasOwnProperty.call(message, "wsPort") && message.wsPort !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.wsPort);
                if (message.seats != null && message.seats.length)
                    for (let i = 0; i < message.seats.length; ++i)
                        $root.gamecluster.v1.Seat.encode(message.seats[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.expiresInMs != null && $Object.hasOwnProperty.call(message, "expiresInMs") && message.expiresInMs !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.expiresInMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveSeatsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ReserveSeatsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ReserveSeatsResponse & gamecluster.v1.ReserveSeatsResponse.$Shape} ReserveSeatsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveSeatsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.ReserveSeatsResponse();
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
                                message.roomId = value;
                            else
                                delete message.roomId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appId = value;
                            else
                                delete message.appId;
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
                                message.wsPort = value;
                            else
                                delete message.wsPort;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.seats && message.seats.length))
                                message.seats = [];
                            message.seats.push($root.gamecluster.v1.Seat.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.expiresInMs = value;
                            else
                                delete message.expiresInMs;
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

            return ReserveSeatsResponse;
        })();

        v1.ListRoomsRequest = (function() {

            /**
             * Properties of a ListRoomsRequest.
             * @typedef {Object} gamecluster.v1.ListRoomsRequest.$Properties
             * @property {string|null} [mode] ListRoomsRequest mode
             * @property {Object.<string,string>|null} [labels] ListRoomsRequest labels
             * @property {boolean|null} [includePrivate] ListRoomsRequest includePrivate
             * @property {number|null} [limit] ListRoomsRequest limit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListRoomsRequest.
             * @memberof gamecluster.v1
             * @interface IListRoomsRequest
             * @augments gamecluster.v1.ListRoomsRequest.$Properties
             * @deprecated Use gamecluster.v1.ListRoomsRequest.$Properties instead.
             */

            /**
             * Shape of a ListRoomsRequest.
             * @typedef {gamecluster.v1.ListRoomsRequest.$Properties} gamecluster.v1.ListRoomsRequest.$Shape
             */

            /**
             * Constructs a new ListRoomsRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents a ListRoomsRequest.
             * @constructor
             * @param {gamecluster.v1.ListRoomsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListRoomsRequest = function (properties) {
                this.labels = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListRoomsRequest mode.
             * @member {string} mode
             * @memberof gamecluster.v1.ListRoomsRequest
             * @instance
             */
            ListRoomsRequest.prototype.mode = "";

            /**
             * ListRoomsRequest labels.
             * @member {Object.<string,string>} labels
             * @memberof gamecluster.v1.ListRoomsRequest
             * @instance
             */
            ListRoomsRequest.prototype.labels = $util.emptyObject;

            /**
             * ListRoomsRequest includePrivate.
             * @member {boolean} includePrivate
             * @memberof gamecluster.v1.ListRoomsRequest
             * @instance
             */
            ListRoomsRequest.prototype.includePrivate = false;

            /**
             * ListRoomsRequest limit.
             * @member {number} limit
             * @memberof gamecluster.v1.ListRoomsRequest
             * @instance
             */
            ListRoomsRequest.prototype.limit = 0;

            /**
             * Encodes the specified ListRoomsRequest message. Does not implicitly {@link gamecluster.v1.ListRoomsRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ListRoomsRequest
             * @static
             * @param {gamecluster.v1.ListRoomsRequest.$Properties} message ListRoomsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListRoomsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.mode);
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.includePrivate != null && $Object.hasOwnProperty.call(message, "includePrivate") && message.includePrivate !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.includePrivate);
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.limit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ListRoomsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ListRoomsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ListRoomsRequest & gamecluster.v1.ListRoomsRequest.$Shape} ListRoomsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListRoomsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.gamecluster.v1.ListRoomsRequest();
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
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.includePrivate = value;
                            else
                                delete message.includePrivate;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.limit = value;
                            else
                                delete message.limit;
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

            return ListRoomsRequest;
        })();

        v1.AllocateGamesRequest = (function() {

            /**
             * Properties of an AllocateGamesRequest.
             * @typedef {Object} gamecluster.v1.AllocateGamesRequest.$Properties
             * @property {Array.<gamecluster.v1.AllocateGameRequest.$Properties>|null} [requests] AllocateGamesRequest requests
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateGamesRequest.
             * @memberof gamecluster.v1
             * @interface IAllocateGamesRequest
             * @augments gamecluster.v1.AllocateGamesRequest.$Properties
             * @deprecated Use gamecluster.v1.AllocateGamesRequest.$Properties instead.
             */

            /**
             * Shape of an AllocateGamesRequest.
             * @typedef {{
             *   requests?: Array.<gamecluster.v1.AllocateGameRequest.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} gamecluster.v1.AllocateGamesRequest.$Shape
             */

            /**
             * Constructs a new AllocateGamesRequest.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateGamesRequest.
             * @constructor
             * @param {gamecluster.v1.AllocateGamesRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateGamesRequest = function (properties) {
                this.requests = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateGamesRequest requests.
             * @member {Array.<gamecluster.v1.AllocateGameRequest.$Properties>} requests
             * @memberof gamecluster.v1.AllocateGamesRequest
             * @instance
             */
            AllocateGamesRequest.prototype.requests = $util.emptyArray;

            /**
             * Encodes the specified AllocateGamesRequest message. Does not implicitly {@link gamecluster.v1.AllocateGamesRequest.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateGamesRequest
             * @static
             * @param {gamecluster.v1.AllocateGamesRequest.$Properties} message AllocateGamesRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateGamesRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requests != null && message.requests.length)
                    for (let i = 0; i < message.requests.length; ++i)
                        $root.gamecluster.v1.AllocateGameRequest.encode(message.requests[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateGamesRequest message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateGamesRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateGamesRequest & gamecluster.v1.AllocateGamesRequest.$Shape} AllocateGamesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateGamesRequest.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.AllocateGamesRequest();
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
                            if (!(message.requests && message.requests.length))
                                message.requests = [];
                            message.requests.push($root.gamecluster.v1.AllocateGameRequest.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return AllocateGamesRequest;
        })();

        v1.AllocateGamesResponse = (function() {

            /**
             * Properties of an AllocateGamesResponse.
             * @typedef {Object} gamecluster.v1.AllocateGamesResponse.$Properties
             * @property {Array.<gamecluster.v1.AllocateGameResponse.$Properties>|null} [responses] AllocateGamesResponse responses
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AllocateGamesResponse.
             * @memberof gamecluster.v1
             * @interface IAllocateGamesResponse
             * @augments gamecluster.v1.AllocateGamesResponse.$Properties
             * @deprecated Use gamecluster.v1.AllocateGamesResponse.$Properties instead.
             */

            /**
             * Shape of an AllocateGamesResponse.
             * @typedef {gamecluster.v1.AllocateGamesResponse.$Properties} gamecluster.v1.AllocateGamesResponse.$Shape
             */

            /**
             * Constructs a new AllocateGamesResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents an AllocateGamesResponse.
             * @constructor
             * @param {gamecluster.v1.AllocateGamesResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AllocateGamesResponse = function (properties) {
                this.responses = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AllocateGamesResponse responses.
             * @member {Array.<gamecluster.v1.AllocateGameResponse.$Properties>} responses
             * @memberof gamecluster.v1.AllocateGamesResponse
             * @instance
             */
            AllocateGamesResponse.prototype.responses = $util.emptyArray;

            /**
             * Encodes the specified AllocateGamesResponse message. Does not implicitly {@link gamecluster.v1.AllocateGamesResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.AllocateGamesResponse
             * @static
             * @param {gamecluster.v1.AllocateGamesResponse.$Properties} message AllocateGamesResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AllocateGamesResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.responses != null && message.responses.length)
                    for (let i = 0; i < message.responses.length; ++i)
                        $root.gamecluster.v1.AllocateGameResponse.encode(message.responses[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AllocateGamesResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.AllocateGamesResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.AllocateGamesResponse & gamecluster.v1.AllocateGamesResponse.$Shape} AllocateGamesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AllocateGamesResponse.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.AllocateGamesResponse();
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
                            if (!(message.responses && message.responses.length))
                                message.responses = [];
                            message.responses.push($root.gamecluster.v1.AllocateGameResponse.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return AllocateGamesResponse;
        })();

        v1.ListRoomsResponse = (function() {

            /**
             * Properties of a ListRoomsResponse.
             * @typedef {Object} gamecluster.v1.ListRoomsResponse.$Properties
             * @property {Array.<gamecluster.v1.RoomInfo.$Properties>|null} [rooms] ListRoomsResponse rooms
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListRoomsResponse.
             * @memberof gamecluster.v1
             * @interface IListRoomsResponse
             * @augments gamecluster.v1.ListRoomsResponse.$Properties
             * @deprecated Use gamecluster.v1.ListRoomsResponse.$Properties instead.
             */

            /**
             * Shape of a ListRoomsResponse.
             * @typedef {gamecluster.v1.ListRoomsResponse.$Properties} gamecluster.v1.ListRoomsResponse.$Shape
             */

            /**
             * Constructs a new ListRoomsResponse.
             * @memberof gamecluster.v1
             * @classdesc Represents a ListRoomsResponse.
             * @constructor
             * @param {gamecluster.v1.ListRoomsResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListRoomsResponse = function (properties) {
                this.rooms = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListRoomsResponse rooms.
             * @member {Array.<gamecluster.v1.RoomInfo.$Properties>} rooms
             * @memberof gamecluster.v1.ListRoomsResponse
             * @instance
             */
            ListRoomsResponse.prototype.rooms = $util.emptyArray;

            /**
             * Encodes the specified ListRoomsResponse message. Does not implicitly {@link gamecluster.v1.ListRoomsResponse.verify|verify} messages.
             * @function encode
             * @memberof gamecluster.v1.ListRoomsResponse
             * @static
             * @param {gamecluster.v1.ListRoomsResponse.$Properties} message ListRoomsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListRoomsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.rooms != null && message.rooms.length)
                    for (let i = 0; i < message.rooms.length; ++i)
                        $root.gamecluster.v1.RoomInfo.encode(message.rooms[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ListRoomsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof gamecluster.v1.ListRoomsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {gamecluster.v1.ListRoomsResponse & gamecluster.v1.ListRoomsResponse.$Shape} ListRoomsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListRoomsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.gamecluster.v1.ListRoomsResponse();
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
                            if (!(message.rooms && message.rooms.length))
                                message.rooms = [];
                            message.rooms.push($root.gamecluster.v1.RoomInfo.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return ListRoomsResponse;
        })();

        return v1;
    })();

    return gamecluster;
})();

export {
  $root as default
};
