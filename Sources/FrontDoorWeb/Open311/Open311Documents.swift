import Foundation
import FrontDoorDomain

/// Open311 GeoReport v2's documents, each encoded as the specification shows it: in JSON a
/// bare list (or object), in XML a root element holding one element per item. Field names
/// are the specification's, so the coding keys are spelled out.
enum Open311Documents {
    struct Service: Codable {
        var serviceCode: String
        var serviceName: String
        var description: String
        var metadata: Bool
        var type: String
        var keywords: String
        var group: String

        enum CodingKeys: String, CodingKey {
            case serviceCode = "service_code", serviceName = "service_name", description, metadata, type, keywords, group
        }
    }

    struct ServiceDefinition: Codable {
        struct Value: Codable {
            var key: String
            var name: String
        }

        struct Values: Codable {
            var value: [Value]
        }

        struct Attribute: Codable {
            var variable: Bool
            var code: String
            var datatype: String
            var required: Bool
            var datatypeDescription: String
            var order: Int
            var description: String
            var values: [Value]

            enum CodingKeys: String, CodingKey {
                case variable, code, datatype, required, datatypeDescription = "datatype_description", order, description, values
            }
        }

        var serviceCode: String
        var attributes: [Attribute]

        enum CodingKeys: String, CodingKey {
            case serviceCode = "service_code", attributes
        }
    }

    /// XML's shape of a definition: `<attributes><attribute>…<values><value>…`.
    struct ServiceDefinitionXML: Encodable {
        struct Attributes: Encodable { var attribute: [AttributeXML] }
        struct AttributeXML: Encodable {
            var variable: Bool
            var code: String
            var datatype: String
            var required: Bool
            var datatypeDescription: String
            var order: Int
            var description: String
            var values: ServiceDefinition.Values

            enum CodingKeys: String, CodingKey {
                case variable, code, datatype, required, datatypeDescription = "datatype_description", order, description, values
            }
        }

        var serviceCode: String
        var attributes: Attributes

        enum CodingKeys: String, CodingKey {
            case serviceCode = "service_code", attributes
        }

        init(_ definition: ServiceDefinition) {
            serviceCode = definition.serviceCode
            attributes = Attributes(attribute: definition.attributes.map {
                AttributeXML(variable: $0.variable, code: $0.code, datatype: $0.datatype, required: $0.required,
                             datatypeDescription: $0.datatypeDescription, order: $0.order, description: $0.description,
                             values: .init(value: $0.values))
            })
        }
    }

    struct ServiceRequest: Codable {
        var serviceRequestID: String
        var status: String
        var statusNotes: String?
        var serviceName: String
        var serviceCode: String
        var description: String?
        var agencyResponsible: String?
        var serviceNotice: String?
        var requestedDatetime: String
        var updatedDatetime: String
        var expectedDatetime: String?
        var address: String?
        var addressID: String?
        var zipcode: String?
        var lat: Double?
        var long: Double?
        var mediaURL: String?

        enum CodingKeys: String, CodingKey {
            case serviceRequestID = "service_request_id", status, statusNotes = "status_notes", serviceName = "service_name"
            case serviceCode = "service_code", description, agencyResponsible = "agency_responsible", serviceNotice = "service_notice"
            case requestedDatetime = "requested_datetime", updatedDatetime = "updated_datetime", expectedDatetime = "expected_datetime"
            case address, addressID = "address_id", zipcode, lat, long, mediaURL = "media_url"
        }
    }

    /// The answer to a POST: the new request's id (and a token that finds it again).
    struct Created: Codable {
        var serviceRequestID: String
        var token: String
        var serviceNotice: String
        var accountID: String?

        enum CodingKeys: String, CodingKey {
            case serviceRequestID = "service_request_id", token, serviceNotice = "service_notice", accountID = "account_id"
        }
    }

    struct Token: Codable {
        var serviceRequestID: String
        var token: String

        enum CodingKeys: String, CodingKey {
            case serviceRequestID = "service_request_id", token
        }
    }

    /// The service-request-updates extension (as FixMyStreet uses it).
    struct RequestUpdate: Codable {
        var updateID: String
        var serviceRequestID: String
        var status: String
        var updatedDatetime: String
        var description: String
        var mediaURL: String?

        enum CodingKeys: String, CodingKey {
            case updateID = "update_id", serviceRequestID = "service_request_id", status, updatedDatetime = "updated_datetime"
            case description, mediaURL = "media_url"
        }
    }

    struct UpdateCreated: Codable {
        var updateID: String

        enum CodingKeys: String, CodingKey { case updateID = "update_id" }
    }

    struct Error: Codable {
        var code: Int
        var description: String
    }

    struct Discovery: Codable {
        struct Endpoint: Codable {
            var specification: String
            var url: String
            var changeset: String
            var type: String
            var formats: [String]
        }

        var changeset: String
        var contact: String
        var keyService: String
        var endpoints: [Endpoint]

        enum CodingKeys: String, CodingKey {
            case changeset, contact, keyService = "key_service", endpoints
        }
    }

    /// XML's discovery: `<endpoints><endpoint>…<formats><format>…`.
    struct DiscoveryXML: Encodable {
        struct Formats: Encodable { var format: [String] }
        struct EndpointXML: Encodable {
            var specification: String
            var url: String
            var changeset: String
            var type: String
            var formats: Formats
        }
        struct Endpoints: Encodable { var endpoint: [EndpointXML] }

        var changeset: String
        var contact: String
        var keyService: String
        var endpoints: Endpoints

        enum CodingKeys: String, CodingKey {
            case changeset, contact, keyService = "key_service", endpoints
        }

        init(_ discovery: Discovery) {
            changeset = discovery.changeset
            contact = discovery.contact
            keyService = discovery.keyService
            endpoints = Endpoints(endpoint: discovery.endpoints.map {
                EndpointXML(specification: $0.specification, url: $0.url, changeset: $0.changeset, type: $0.type, formats: .init(format: $0.formats))
            })
        }
    }
}
